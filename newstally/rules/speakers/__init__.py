"""Speakers: what a speaker phrase names, the speakers of one article, and their merge across the
corpus."""
