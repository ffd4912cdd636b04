"""The WeChat Work (企业微信) channel: callback crypto and parsing, the API client and reply rendering."""
