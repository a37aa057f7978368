"""The do-no-harm corpus beyond news: a package so that build.py has a unique module name."""
