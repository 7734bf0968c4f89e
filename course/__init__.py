"""AI cho cán bộ cơ sở — the course engine."""

__version__ = "0.1.0"
