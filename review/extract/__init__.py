"""Text with positions from every supported format, and an inventory of what the reader cannot see."""
