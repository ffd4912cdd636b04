"""Ad platforms' lead forms as sources of leads: pushes received, pulls reconciled, one neutral lead."""
