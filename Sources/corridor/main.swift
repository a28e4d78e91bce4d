print("corridor: not yet")
