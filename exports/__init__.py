"""Exports of the graph and of query results to files for other tools."""
