# salesbot: one process serving the platform callbacks, the scheduler and the outbox sender.
# Mount your config at /etc/salesbot/config.toml; the SQLite default keeps its file in the
# /var/lib/salesbot volume (use [database] url = "postgresql+asyncpg://..." in production).
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    SALESBOT_CONFIG=/etc/salesbot/config.toml \
    SALESBOT_SERVER_HOST=0.0.0.0 \
    XDG_CACHE_HOME=/var/cache/salesbot

# A font with Chinese glyphs for the weekly digest's chart (matplotlib finds it; none ships with the image).
RUN apt-get update \
    && apt-get install -y --no-install-recommends fonts-wqy-zenhei \
    && rm -rf /var/lib/apt/lists/*

RUN useradd --system --uid 10001 --home-dir /var/lib/salesbot --create-home salesbot \
    && mkdir -p /etc/salesbot /var/cache/salesbot \
    && chown salesbot /var/cache/salesbot

WORKDIR /opt/salesbot
COPY pyproject.toml README.md ./
COPY bot ./bot
COPY handlers ./handlers
COPY nlp ./nlp
COPY storage ./storage
RUN pip install . && salesbot version

WORKDIR /var/lib/salesbot
VOLUME ["/var/lib/salesbot"]
USER salesbot
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD python -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8080/healthz', timeout=4)" || exit 1
CMD ["salesbot", "run"]
