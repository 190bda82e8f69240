"""Fact files shipped with autokg: the seed articles facts and the curated partnerships."""
