"""The floor plan: its shapes, reading and checking it, the automatic layout, routes and directions."""
