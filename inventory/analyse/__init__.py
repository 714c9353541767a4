"""Analyses of an inventory snapshot.

Dependency graph and impact, normalisation of product names, lifecycle, overlap.
"""
