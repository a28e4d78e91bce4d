// Placeholder: the corridor formulation lands here.
