"""The Excel workbook: its layout (`layout`), reading and checking it (`read`, `checks`), the
portal records each sheet maps to (`records`), preview/apply/undo (`apply`, `preview`) and the
export in the same layout (`export`)."""
