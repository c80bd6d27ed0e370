# benign: properties with validation, computed attributes, read-only fields and unit conversion
import re


class ValidationError(ValueError):
    pass


class Temperature:
    ABSOLUTE_ZERO_C = -273.15

    def __init__(self, celsius=0.0):
        self.celsius = celsius

    @property
    def celsius(self):
        return self._celsius

    @celsius.setter
    def celsius(self, value):
        if not isinstance(value, (int, float)):
            raise ValidationError(f"temperature must be a number, not {type(value).__name__}")
        if value < self.ABSOLUTE_ZERO_C:
            raise ValidationError(f"{value} C is below absolute zero")
        self._celsius = float(value)

    @property
    def fahrenheit(self):
        return self._celsius * 9 / 5 + 32

    @fahrenheit.setter
    def fahrenheit(self, value):
        self.celsius = (value - 32) * 5 / 9

    @property
    def kelvin(self):
        return self._celsius - self.ABSOLUTE_ZERO_C

    def __repr__(self):
        return f"Temperature({self._celsius:.2f}C / {self.fahrenheit:.2f}F / {self.kelvin:.2f}K)"


t = Temperature(25)
print(t)
t.fahrenheit = 212
print(t)
for bad in (-300, "hot"):
    try:
        t.celsius = bad
    except ValidationError as exc:
        print("rejected:", exc)
try:
    t.kelvin = 0
except AttributeError:
    print("kelvin is read-only")
print("still:", t)


class Person:
    EMAIL_RE = re.compile(r"^[\w.+-]+@[\w-]+(\.[\w-]+)+$")

    def __init__(self, name, email, birth_year):
        self._changes = []
        self._email = None
        self.name = name
        self.email = email
        self.birth_year = birth_year

    @property
    def name(self):
        return self._name

    @name.setter
    def name(self, value):
        value = " ".join(value.split())
        if not value:
            raise ValidationError("name must not be blank")
        self._name = value.title()

    @property
    def email(self):
        return self._email

    @email.setter
    def email(self, value):
        if not self.EMAIL_RE.match(value):
            raise ValidationError(f"invalid email {value!r}")
        old = self._email
        self._email = value.lower()
        if old is not None:
            self._changes.append(("email", old, self._email))

    @property
    def birth_year(self):
        return self._birth_year

    @birth_year.setter
    def birth_year(self, value):
        if not 1900 <= value <= 2024:
            raise ValidationError(f"birth year {value} not in 1900..2024")
        self._birth_year = value

    @property
    def initials(self):
        return "".join(part[0] for part in self._name.split())

    @property
    def changes(self):
        return tuple(self._changes)

    def age_in(self, year):
        return year - self._birth_year

    def __repr__(self):
        return f"Person({self._name!r}, {self._email!r}, {self._birth_year})"


p = Person("  ada   king lovelace ", "Ada@Example.ORG", 1915)
print(p, p.initials, p.age_in(2024))
p.email = "ada.lovelace@analytical.engine"
print(p.email, p.changes)
cases = [("name", "   "), ("email", "not-an-email"), ("email", "a@b"), ("birth_year", 1850), ("birth_year", 2000)]
for attr, value in cases:
    try:
        setattr(p, attr, value)
        print(f"set {attr} = {value!r}: ok")
    except ValidationError as exc:
        print(f"set {attr} = {value!r}: {exc}")
print(p)


class Rectangle:
    def __init__(self, width, height):
        self._dims = {}
        self.width = width
        self.height = height

    def _positive(name):
        def getter(self):
            return self._dims[name]

        def setter(self, value):
            if value <= 0:
                raise ValidationError(f"{name} must be positive, got {value}")
            self._dims[name] = value

        return property(getter, setter, doc=f"positive {name}")

    width = _positive("width")
    height = _positive("height")

    @property
    def area(self):
        return self.width * self.height

    @property
    def is_square(self):
        return self.width == self.height

    def __repr__(self):
        return f"Rectangle({self.width}x{self.height})"


r = Rectangle(3, 4)
print(r, "area", r.area, "square?", r.is_square)
r.width = 4
print(r, "area", r.area, "square?", r.is_square)
try:
    r.height = -1
except ValidationError as exc:
    print("rejected:", exc)
print("property doc:", Rectangle.width.__doc__)
