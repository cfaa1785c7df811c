"""The Stakes engine: documents, rules, matching, regions and assessment. No LSP imports here."""
