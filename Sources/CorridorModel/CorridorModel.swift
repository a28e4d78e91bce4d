// Placeholder: the corridor model format lands here.
