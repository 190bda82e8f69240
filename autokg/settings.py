"""Settings read from the environment, with the ecosystem's names where one exists."""

from __future__ import annotations

import os

__all__ = ["ENV", "backend_name"]

ENV = {
    "store": "AUTOKG_STORE",
    "backend": "AUTOKG_BACKEND",
    "neo4j_uri": "NEO4J_URI",
    "neo4j_username": "NEO4J_USERNAME",
    "neo4j_password": "NEO4J_PASSWORD",
    "neo4j_database": "NEO4J_DATABASE",
}


def backend_name() -> str:
    return os.environ.get(ENV["backend"], "embedded")
