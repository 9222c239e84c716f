# Views are written in the next step.
