__all__ = ['listed', '_also_listed']
listed = 'L'
_also_listed = 'AL'
not_listed = 'NL'
