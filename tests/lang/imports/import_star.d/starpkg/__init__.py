__all__ = ['subm']
