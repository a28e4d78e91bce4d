// Placeholder: report rendering lands here.
