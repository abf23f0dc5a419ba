"""The rule language: grammar, typed statements, name resolution and fact verification."""
