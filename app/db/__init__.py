"""The desk's database: typed ORM models, the engine and sessions, Alembic migrations."""
