print("corridor-bench: not yet")
