"""Assessment rules: need scoring and the predictors. Values in, values out."""
