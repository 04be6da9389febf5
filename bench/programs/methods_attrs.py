# Method calls and attribute access on instances: instance attribute loads and
# stores, class attributes, inherited methods, super() calls and a property.
import sys

SCALE = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0


class Account:
    fee = 1

    def __init__(self, owner, balance):
        self.owner = owner
        self.balance = balance
        self.history = 0

    def deposit(self, amount):
        self.balance += amount
        self.history += 1
        return self.balance

    def withdraw(self, amount):
        if amount + self.fee > self.balance:
            return False
        self.balance -= amount + self.fee
        self.history += 1
        return True

    @property
    def rich(self):
        return self.balance > 400


class Savings(Account):
    rate = 3

    def deposit(self, amount):
        bonus = amount * self.rate // 100
        return super().deposit(amount + bonus)


def run(n):
    accounts = [Account(i, 100) for i in range(8)] + [Savings(i, 100) for i in range(8)]
    rich = 0
    for i in range(n):
        a = accounts[i & 15]
        a.deposit(i % 50)
        if not a.withdraw(i % 70):
            a.deposit(10)
        if a.rich:
            rich += 1
            a.balance = a.balance // 2
    total = 0
    for a in accounts:
        total += a.balance * 3 + a.history + a.owner
    return total, rich


total, rich = run(max(1, int(1500000 * SCALE)))
print("checksum", total, rich)
