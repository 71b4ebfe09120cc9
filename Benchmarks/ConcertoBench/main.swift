import Concerto
print("bench")
