"""tmtool's translation-memory core: the pipeline stages, the store and the use cases over them."""
