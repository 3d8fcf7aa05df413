"""Language knowledge: the lexicons and gazetteers extraction reads, name keys and dates."""
