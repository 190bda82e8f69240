"""Settings read from the environment, with the ecosystem's names where one exists."""

from __future__ import annotations

__all__ = ["ENV"]

ENV = {
    "store": "AUTOKG_STORE",
    "backend": "AUTOKG_BACKEND",
    "neo4j_uri": "NEO4J_URI",
    "neo4j_username": "NEO4J_USERNAME",
    "neo4j_password": "NEO4J_PASSWORD",
    "neo4j_database": "NEO4J_DATABASE",
}

