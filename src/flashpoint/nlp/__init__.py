"""spaCy pipeline: the model plus Flashpoint's registered components."""
