// LP layer
