"""The disclosure catalog and its publishing targets. Pure Python: no Qt, no database."""
