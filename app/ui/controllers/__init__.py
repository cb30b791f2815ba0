"""What each menu area of the main window does: one controller per area, each owning its actions.

A controller is given the window (its widgets, its runner, the signed-in user and the ways of
saying things) and enables its actions for the selected document in `document_changed`.
"""
