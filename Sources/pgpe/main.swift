print("pgpe")
