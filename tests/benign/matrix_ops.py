# benign: exact matrix arithmetic with Fractions, operator overloading and Gauss-Jordan inversion
from fractions import Fraction


class Matrix:
    def __init__(self, rows):
        self.rows = [[Fraction(x) for x in row] for row in rows]
        self.n = len(self.rows)
        self.m = len(self.rows[0]) if self.rows else 0
        if any(len(r) != self.m for r in self.rows):
            raise ValueError("ragged matrix")

    @classmethod
    def identity(cls, n):
        return cls([[1 if i == j else 0 for j in range(n)] for i in range(n)])

    def __getitem__(self, pos):
        i, j = pos
        return self.rows[i][j]

    def __eq__(self, other):
        return isinstance(other, Matrix) and self.rows == other.rows

    def __add__(self, other):
        return Matrix([[a + b for a, b in zip(r1, r2)] for r1, r2 in zip(self.rows, other.rows)])

    def __sub__(self, other):
        return Matrix([[a - b for a, b in zip(r1, r2)] for r1, r2 in zip(self.rows, other.rows)])

    def __mul__(self, k):
        return Matrix([[a * k for a in row] for row in self.rows])

    __rmul__ = __mul__

    def __matmul__(self, other):
        if self.m != other.n:
            raise ValueError(f"shape mismatch {self.n}x{self.m} @ {other.n}x{other.m}")
        cols = list(zip(*other.rows))
        return Matrix([[sum(a * b for a, b in zip(row, col)) for col in cols] for row in self.rows])

    def transpose(self):
        return Matrix([list(c) for c in zip(*self.rows)])

    def determinant(self):
        if self.n != self.m:
            raise ValueError("determinant needs a square matrix")
        a = [row[:] for row in self.rows]
        det = Fraction(1)
        for c in range(self.n):
            pivot = next((r for r in range(c, self.n) if a[r][c] != 0), None)
            if pivot is None:
                return Fraction(0)
            if pivot != c:
                a[c], a[pivot] = a[pivot], a[c]
                det = -det
            det *= a[c][c]
            for r in range(c + 1, self.n):
                f = a[r][c] / a[c][c]
                a[r] = [x - f * y for x, y in zip(a[r], a[c])]
        return det

    def inverse(self):
        n = self.n
        aug = [row[:] + ident for row, ident in zip(self.rows, Matrix.identity(n).rows)]
        for c in range(n):
            pivot = next((r for r in range(c, n) if aug[r][c] != 0), None)
            if pivot is None:
                raise ZeroDivisionError("matrix is singular")
            aug[c], aug[pivot] = aug[pivot], aug[c]
            p = aug[c][c]
            aug[c] = [x / p for x in aug[c]]
            for r in range(n):
                if r != c and aug[r][c] != 0:
                    f = aug[r][c]
                    aug[r] = [x - f * y for x, y in zip(aug[r], aug[c])]
        return Matrix([row[n:] for row in aug])

    def __str__(self):
        cells = [[str(x) for x in row] for row in self.rows]
        width = max(len(c) for row in cells for c in row)
        return "\n".join("[ " + " ".join(c.rjust(width) for c in row) + " ]" for row in cells)

    def __repr__(self):
        return f"Matrix({self.n}x{self.m})"


A = Matrix([[2, 1, 1], [1, 3, 2], [1, 0, 0]])
B = Matrix([[1, 2], [0, 1], [4, 0]])
print("A =", repr(A))
print(A)
print("A^T =")
print(A.transpose())
print("A @ B =")
print(A @ B)
print("A + A == 2*A:", A + A == 2 * A)
print("det(A) =", A.determinant())
Ainv = A.inverse()
print("A^-1 =")
print(Ainv)
print("A @ A^-1 is identity:", A @ Ainv == Matrix.identity(3))
print("A[1, 2] =", A[1, 2], "| A^-1[0, 1] =", Ainv[0, 1])

H = Matrix([[Fraction(1, i + j + 1) for j in range(4)] for i in range(4)])
print("Hilbert(4) det =", H.determinant())
print("Hilbert(4) inverse row 0:", [str(x) for x in H.inverse().rows[0]])

try:
    B @ B
except ValueError as exc:
    print("error:", exc)
try:
    Matrix([[1, 2], [2, 4]]).inverse()
except ZeroDivisionError as exc:
    print("error:", exc)
try:
    Matrix([[1, 2], [3]])
except ValueError as exc:
    print("error:", exc)

P = Matrix.identity(2)
M = Matrix([[1, 1], [1, 0]])
for _ in range(30):
    P = P @ M
print("fib(30) via matrix power:", P[0, 1])
