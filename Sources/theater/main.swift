import WasmInterp

print("theater: not implemented yet")
