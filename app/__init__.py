"""Disclosure Desk: state, workflow and the Qt user interface."""
