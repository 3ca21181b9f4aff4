"""The contract every side shares: records handed between stages, the table schema, the
vocabularies (categories, qualifiers, kinds, measures) and the errors. Imports no other part of
newstally."""
