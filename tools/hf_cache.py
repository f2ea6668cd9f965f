"""The K/V of one layer of a transformers cache, whichever version wrote it (shared by the
conformance fixtures and the benchmark peer)."""


def cache_kv(cache, layer):
    if hasattr(cache, "layers"):  # transformers >= 4.56 / 5.x
        return cache.layers[layer].keys, cache.layers[layer].values
    if hasattr(cache, "key_cache"):
        return cache.key_cache[layer], cache.value_cache[layer]
    return cache[layer][0], cache[layer][1]
