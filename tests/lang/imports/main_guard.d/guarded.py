def main():
    return 'main called'
if __name__ == '__main__':
    print('guarded ran as main')
else:
    print('guarded imported as', __name__)
