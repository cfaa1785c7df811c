"""Per-language syntax adapters: the only place that knows each grammar's node types.

Cross-language matchers (``call``, ``import``, ``definition`` …) ask an adapter "which node types
can be a call here?" and "what is this call's dotted callee?", so a rule author never needs to know
that Python says ``call`` where Go says ``call_expression`` and Java ``method_invocation``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from tree_sitter import Node

# Go major-version elements (`/v4`), at the end or in the middle (`echo/v4/middleware`)
_GO_VERSION_SUFFIX = re.compile(r"/v\d+(?=/|$)")


def node_text(node: Node | None) -> str:
    """A node's source text; invalid UTF-8 is replaced rather than failing the whole file."""
    if node is None or node.text is None:
        return ""
    return node.text.decode("utf-8", "replace")


@dataclass(frozen=True)
class Definition:
    """A named definition and the kind of region it makes."""

    name: str
    kind: str  # function | method | class


@dataclass
class ImportTable:
    """Local names bound by imports, mapped to what they stand for (``h`` → ``hashlib.md5``)."""

    bindings: dict[str, str] = field(default_factory=dict)

    def qualify(self, dotted: str) -> str:
        """Resolve the first segment of a dotted name through the imports."""
        head, sep, rest = dotted.partition(".")
        target = self.bindings.get(head)
        if target is None:
            return dotted
        return f"{target}{sep}{rest}" if rest else target


class Syntax:
    """Base adapter. Subclasses fill the node-type sets and the extraction methods."""

    call_types: frozenset[str] = frozenset()
    import_types: frozenset[str] = frozenset()
    definition_types: frozenset[str] = frozenset()
    parameter_types: frozenset[str] = frozenset()
    assignment_types: frozenset[str] = frozenset()
    field_types: frozenset[str] = frozenset()
    string_types: frozenset[str] = frozenset()
    decorator_types: frozenset[str] = frozenset()
    argument_types: frozenset[str] = frozenset()
    comparison_types: frozenset[str] = frozenset()
    region_types: frozenset[str] = frozenset()
    comment_types: frozenset[str] = frozenset({"comment"})

    # -- calls -----------------------------------------------------------------------------------
    def callee(self, node: Node) -> str:
        """The dotted name of what a call node calls, arguments of chained calls dropped."""
        raise NotImplementedError

    def dotted(self, node: Node | None) -> str:
        """Render an expression as a dotted path (``a.b().c`` → ``a.b.c``); ``?`` for the unnamed."""
        raise NotImplementedError

    # How a member access is spelled: its node type, and the fields of its object and its name.
    member: tuple[str, str, str] = ("", "", "")

    def call_focus(self, node: Node) -> Node:
        """What to report for a call: the call, or, in a chain (``a.b().c()``), the last method's
        name, so ``.signWith(key)`` is flagged where it is and not where the chain starts."""
        member_type, object_field, name_field = self.member
        function = node.child_by_field_name("function")
        if function is not None and function.type == member_type:
            receiver = function.child_by_field_name(object_field)
            if receiver is not None and receiver.type in self.call_types:
                return function.child_by_field_name(name_field) or node
        return node

    # -- imports ---------------------------------------------------------------------------------
    def imports(self, root: Node) -> ImportTable:
        """Collect the file's import bindings (top-level statements are enough in practice)."""
        raise NotImplementedError

    def imported_modules(self, node: Node) -> list[str]:
        """Modules (and imported members, as ``module.member``) named by one import node."""
        raise NotImplementedError

    # -- names -----------------------------------------------------------------------------------
    def definition(self, node: Node) -> Definition | None:
        """The name and kind of a definition node, ``None`` if it has no name of its own."""
        raise NotImplementedError

    def parameters(self, node: Node) -> list[Node]:
        """The name nodes of a parameter list."""
        raise NotImplementedError

    def assigned_names(self, node: Node) -> list[Node]:
        """The name nodes an assignment or declaration binds (last segment for ``a.b = …``)."""
        raise NotImplementedError

    def field_names(self, node: Node) -> list[Node]:
        """The name nodes a class, struct or interface member declares."""
        raise NotImplementedError

    def string_value(self, node: Node) -> str | None:
        """A string literal's content without quotes; ``None`` when it is not a plain literal."""
        raise NotImplementedError

    def decorator_name(self, node: Node) -> str:
        """The dotted name of a decorator or annotation."""
        raise NotImplementedError

    def argument(self, node: Node) -> tuple[str, Node] | None:
        """A named argument (keyword argument, option property, struct literal key): name, value."""
        raise NotImplementedError

    equality_operators: frozenset[str] = frozenset({"==", "!="})
    ordering_operators: frozenset[str] = frozenset({"<", "<=", ">", ">="})

    def comparison(self, node: Node) -> tuple[Node, str, Node] | None:
        """Left operand, operator and right operand of an equality or ordering comparison.

        ``None`` for other binary operators. Serves the C-like grammars, whose binary
        expressions have operator/left/right fields.
        """
        op = node.child_by_field_name("operator")
        if op is None:
            return None
        operator = node_text(op)
        if operator not in self.equality_operators and operator not in self.ordering_operators:
            return None
        left, right = node.child_by_field_name("left"), node.child_by_field_name("right")
        return (left, operator, right) if left is not None and right is not None else None

    def region(self, node: Node) -> Definition | None:
        """The name and kind of a region node (anonymous functions are named by where they go)."""
        raise NotImplementedError

    def binding_name(self, node: Node) -> str | None:
        """For a string or expression: the name it is assigned or passed to (``password = "…"``)."""
        parent = node.parent
        depth = 0
        while parent is not None and depth < 4:
            if parent.type in self.assignment_types or parent.type in self.field_types:
                names = self.assigned_names(parent) or self.field_names(parent)
                if names:
                    return node_text(names[-1])
                return None
            if parent.type in self.argument_types:
                arg = self.argument(parent)
                if arg is not None:
                    return arg[0]
                # A dict / object literal entry outside a call (``config = {"apiKey": "…"}``) is
                # not a setting passed to an API, but its key still names the value; the key
                # itself has no binding.
                key = parent.child_by_field_name("key")
                if key is None or key.start_byte <= node.start_byte < key.end_byte:
                    return None
                return _strip_quotes(node_text(key))
            if parent.type in self.call_types or parent.type in self.region_types:
                return None
            parent = parent.parent
            depth += 1
        return None


def _strip_quotes(text: str) -> str:
    for quote in ('"""', "'''", '"', "'", "`"):
        if len(text) >= 2 * len(quote) and text.startswith(quote) and text.endswith(quote):
            return text[len(quote) : -len(quote)]
    return text


class PythonSyntax(Syntax):
    """Python (tree-sitter-python)."""

    call_types = frozenset({"call"})
    member = ("attribute", "object", "attribute")
    import_types = frozenset({"import_statement", "import_from_statement"})
    definition_types = frozenset({"function_definition", "class_definition"})
    parameter_types = frozenset({"parameters", "lambda_parameters"})
    assignment_types = frozenset({"assignment", "augmented_assignment"})
    field_types = frozenset({"assignment"})  # class-body assignments, filtered in field_names
    string_types = frozenset({"string"})
    decorator_types = frozenset({"decorator"})
    argument_types = frozenset({"keyword_argument", "pair"})
    comparison_types = frozenset({"comparison_operator"})
    region_types = frozenset({"function_definition", "class_definition", "decorated_definition"})

    def dotted(self, node: Node | None) -> str:
        if node is None:
            return "?"
        if node.type == "identifier":
            return node_text(node)
        if node.type == "attribute":
            return f"{self.dotted(node.child_by_field_name('object'))}.{node_text(node.child_by_field_name('attribute'))}"
        if node.type == "call":
            return self.dotted(node.child_by_field_name("function"))
        if node.type == "subscript":
            return self.dotted(node.child_by_field_name("value"))
        if node.type == "parenthesized_expression" and node.named_child_count == 1:
            return self.dotted(node.named_children[0])
        return "?"

    def callee(self, node: Node) -> str:
        return self.dotted(node.child_by_field_name("function"))

    def imports(self, root: Node) -> ImportTable:
        table = ImportTable()
        for stmt in root.children:
            if stmt.type in ("if_statement", "try_statement"):
                # ``try: import x except ImportError: …`` is common; look one level down.
                for sub in stmt.children:
                    for inner in sub.children if sub.type in ("block", "except_clause", "else_clause") else []:
                        self._bind(inner, table)
                    if sub.type == "block":
                        for inner in sub.children:
                            self._bind(inner, table)
            self._bind(stmt, table)
        return table

    def _bind(self, stmt: Node, table: ImportTable) -> None:
        if stmt.type == "import_statement":
            for name in stmt.named_children:
                if name.type == "aliased_import":
                    table.bindings[node_text(name.child_by_field_name("alias"))] = node_text(
                        name.child_by_field_name("name")
                    )
                elif name.type == "dotted_name":
                    head = node_text(name).split(".")[0]
                    table.bindings.setdefault(head, head)
        elif stmt.type == "import_from_statement":
            module = node_text(stmt.child_by_field_name("module_name")).lstrip(".")
            for name in stmt.children_by_field_name("name"):
                if name.type == "aliased_import":
                    local = node_text(name.child_by_field_name("alias"))
                    target = node_text(name.child_by_field_name("name"))
                else:
                    local = target = node_text(name)
                table.bindings[local] = f"{module}.{target}" if module else target

    def imported_modules(self, node: Node) -> list[str]:
        out: list[str] = []
        if node.type == "import_statement":
            for name in node.named_children:
                inner = name.child_by_field_name("name") if name.type == "aliased_import" else name
                out.append(node_text(inner))
        elif node.type == "import_from_statement":
            module = node_text(node.child_by_field_name("module_name")).lstrip(".")
            out.append(module)
            for name in node.children_by_field_name("name"):
                inner = name.child_by_field_name("name") if name.type == "aliased_import" else name
                out.append(f"{module}.{node_text(inner)}")
        return out

    def _in_class_body(self, node: Node) -> bool:
        parent = node.parent
        if parent is not None and parent.type == "decorated_definition":
            parent = parent.parent
        return (
            parent is not None
            and parent.type == "block"
            and parent.parent is not None
            and parent.parent.type == "class_definition"
        )

    def definition(self, node: Node) -> Definition | None:
        if node.type == "decorated_definition":
            inner = node.child_by_field_name("definition")
            return self.definition(inner) if inner is not None else None
        name = node_text(node.child_by_field_name("name"))
        if node.type == "class_definition":
            return Definition(name, "class")
        if node.type == "function_definition":
            return Definition(name, "method" if self._in_class_body(node) else "function")
        return None

    def parameters(self, node: Node) -> list[Node]:
        out: list[Node] = []
        for param in node.named_children:
            if param.type == "identifier":
                out.append(param)
            elif param.type in ("default_parameter", "typed_default_parameter"):
                name = param.child_by_field_name("name")
                if name is not None:
                    out.append(name)
            elif param.type in ("typed_parameter", "list_splat_pattern", "dictionary_splat_pattern"):
                out.extend(c for c in param.named_children if c.type == "identifier")
        return [p for p in out if node_text(p) not in ("self", "cls")]

    def assigned_names(self, node: Node) -> list[Node]:
        left = node.child_by_field_name("left")
        if left is None:
            return []
        if left.type == "identifier":
            return [left]
        if left.type == "attribute":
            attr = left.child_by_field_name("attribute")
            return [attr] if attr is not None else []
        if left.type in ("pattern_list", "tuple_pattern"):
            return [c for c in left.named_children if c.type == "identifier"]
        return []

    def field_names(self, node: Node) -> list[Node]:
        parent = node.parent
        if parent is not None and parent.type == "expression_statement":
            parent = parent.parent
        if parent is None or parent.type != "block" or parent.parent is None:
            return []
        if parent.parent.type != "class_definition":
            return []
        return self.assigned_names(node)

    def string_value(self, node: Node) -> str | None:
        if any(c.type == "interpolation" for c in node.children):
            return None
        parts = [node_text(c) for c in node.children if c.type == "string_content"]
        return "".join(parts)

    def decorator_name(self, node: Node) -> str:
        expr = node.named_children[0] if node.named_children else None
        return self.dotted(expr)

    def argument(self, node: Node) -> tuple[str, Node] | None:
        if node.type == "keyword_argument":
            name, value = node.child_by_field_name("name"), node.child_by_field_name("value")
            if name is None or value is None:
                return None
            return node_text(name), value
        if node.type == "pair":
            # Dict entries count as named arguments only inside a call's arguments
            # (``options={"verify_signature": False}``); other dict keys are not settings.
            if not _inside_call_arguments(node, "argument_list", ("dictionary", "pair", "keyword_argument")):
                return None
            key, value = node.child_by_field_name("key"), node.child_by_field_name("value")
            if key is None or value is None or key.type != "string":
                return None
            return self.string_value(key) or "", value
        return None

    equality_operators = frozenset({"==", "!=", "is", "is not"})

    def comparison(self, node: Node) -> tuple[Node, str, Node] | None:
        operands = node.named_children
        ops = [node_text(c) for c in node.children if not c.is_named]
        if len(operands) != 2 or not ops:  # chained comparisons (a < b < c) are left out
            return None
        operator = " ".join(ops)  # ``is not`` may come as two tokens
        if operator not in self.equality_operators and operator not in self.ordering_operators:
            return None
        return operands[0], operator, operands[1]

    def region(self, node: Node) -> Definition | None:
        if node.type == "decorated_definition":
            return self.definition(node)
        if node.parent is not None and node.parent.type == "decorated_definition":
            return None  # the decorated_definition above stands for it
        return self.definition(node)


def _inside_call_arguments(node: Node, arguments_type: str, through: tuple[str, ...]) -> bool:
    """Whether ``node`` sits (through nested literals only) in a call's argument list."""
    parent = node.parent
    while parent is not None and parent.type in through:
        parent = parent.parent
    return parent is not None and parent.type == arguments_type


class JavaScriptSyntax(Syntax):
    """JavaScript, TypeScript and TSX (the TypeScript grammars extend the JavaScript one)."""

    call_types = frozenset({"call_expression", "new_expression"})
    member = ("member_expression", "object", "property")
    import_types = frozenset({"import_statement", "call_expression"})
    definition_types = frozenset(
        {
            "function_declaration",
            "generator_function_declaration",
            "class_declaration",
            "abstract_class_declaration",
            "method_definition",
            "variable_declarator",
            "interface_declaration",
            # function values bound to a member or key: ``schema.methods.verify = function () {}``
            "function_expression",
            "function",
            "arrow_function",
            "generator_function",
        }
    )
    parameter_types = frozenset({"formal_parameters"})
    assignment_types = frozenset({"variable_declarator", "assignment_expression"})
    field_types = frozenset({"field_definition", "public_field_definition", "property_signature"})
    string_types = frozenset({"string", "template_string"})
    decorator_types = frozenset({"decorator"})
    argument_types = frozenset({"pair", "jsx_attribute", "shorthand_property_identifier"})
    comparison_types = frozenset({"binary_expression"})
    equality_operators = frozenset({"==", "===", "!=", "!=="})
    region_types = frozenset(
        {
            "function_declaration",
            "generator_function_declaration",
            "class_declaration",
            "abstract_class_declaration",
            "class",
            "method_definition",
            "function_expression",
            "function",
            "arrow_function",
            "generator_function",
        }
    )
    _function_values = frozenset(
        {"arrow_function", "function_expression", "function", "generator_function", "class"}
    )

    def dotted(self, node: Node | None) -> str:
        if node is None:
            return "?"
        kind = node.type
        if kind in ("identifier", "this", "super", "property_identifier", "private_property_identifier"):
            return node_text(node)
        if kind == "member_expression":
            return f"{self.dotted(node.child_by_field_name('object'))}.{node_text(node.child_by_field_name('property'))}"
        if kind == "call_expression":
            return self.dotted(node.child_by_field_name("function"))
        if kind in ("await_expression", "non_null_expression", "parenthesized_expression"):
            inner = node.named_children[0] if node.named_children else None
            return self.dotted(inner)
        if kind == "subscript_expression":
            return self.dotted(node.child_by_field_name("object"))
        return "?"

    def callee(self, node: Node) -> str:
        if node.type == "new_expression":
            return self.dotted(node.child_by_field_name("constructor"))
        return self.dotted(node.child_by_field_name("function"))

    @staticmethod
    def _module_name(source: Node | None) -> str:
        name = _strip_quotes(node_text(source))
        return name.removeprefix("node:")

    def _require_source(self, node: Node) -> str | None:
        """``require('m')`` → ``m``; ``None`` for every other call."""
        if node.type != "call_expression":
            return None
        fn = node.child_by_field_name("function")
        if fn is None or node_text(fn) != "require":
            return None
        args = node.child_by_field_name("arguments")
        if args is None or not args.named_children or args.named_children[0].type != "string":
            return None
        return self._module_name(args.named_children[0])

    def imports(self, root: Node) -> ImportTable:
        table = ImportTable()
        for stmt in root.children:
            target = stmt
            if stmt.type == "export_statement":
                target = stmt.child_by_field_name("declaration") or stmt
            if target.type == "import_statement":
                self._bind_import(target, table)
            elif target.type in ("lexical_declaration", "variable_declaration"):
                for decl in target.named_children:
                    if decl.type == "variable_declarator":
                        self._bind_require(decl, table)
        return table

    def _bind_import(self, stmt: Node, table: ImportTable) -> None:
        module = self._module_name(stmt.child_by_field_name("source"))
        for clause in stmt.named_children:
            if clause.type != "import_clause":
                continue
            for part in clause.named_children:
                if part.type == "identifier":
                    table.bindings[node_text(part)] = module
                elif part.type == "namespace_import":
                    for ident in part.named_children:
                        table.bindings[node_text(ident)] = module
                elif part.type == "named_imports":
                    for spec in part.named_children:
                        if spec.type != "import_specifier":
                            continue
                        name = node_text(spec.child_by_field_name("name"))
                        alias = spec.child_by_field_name("alias")
                        table.bindings[node_text(alias) if alias else name] = f"{module}.{name}"

    def _bind_require(self, decl: Node, table: ImportTable) -> None:
        value = decl.child_by_field_name("value")
        name = decl.child_by_field_name("name")
        if value is None or name is None:
            return
        suffix = ""
        if value.type == "member_expression":  # require('m').x
            suffix = "." + node_text(value.child_by_field_name("property"))
            value = value.child_by_field_name("object")
            if value is None:
                return
        module = self._require_source(value)
        if module is None:
            return
        if name.type == "identifier":
            table.bindings[node_text(name)] = module + suffix
        elif name.type == "object_pattern":
            for part in name.named_children:
                if part.type == "shorthand_property_identifier_pattern":
                    table.bindings[node_text(part)] = f"{module}{suffix}.{node_text(part)}"
                elif part.type == "pair_pattern":
                    key = node_text(part.child_by_field_name("key"))
                    local = node_text(part.child_by_field_name("value"))
                    table.bindings[local] = f"{module}{suffix}.{key}"

    def imported_modules(self, node: Node) -> list[str]:
        if node.type == "import_statement":
            return [self._module_name(node.child_by_field_name("source"))]
        module = self._require_source(node)
        return [module] if module is not None else []

    def _name_of_function_value(self, node: Node) -> str | None:
        """Name an anonymous function by where it goes: ``const f =``, ``obj.p =``, ``{key: …}``."""
        parent = node.parent
        if parent is None:
            return None
        if parent.type == "variable_declarator":
            return node_text(parent.child_by_field_name("name"))
        if parent.type == "assignment_expression":
            return self.dotted(parent.child_by_field_name("left")) or None
        if parent.type == "pair":
            key = _strip_quotes(node_text(parent.child_by_field_name("key")))
            obj = parent.parent
            holder = obj.parent if obj is not None else None
            if holder is not None and holder.type in ("variable_declarator", "assignment_expression"):
                owner_node = holder.child_by_field_name("name") or holder.child_by_field_name("left")
                return f"{self.dotted(owner_node)}.{key}"
            return key
        if parent.type == "export_statement":
            return "default"
        if parent.type == "arguments":
            call = parent.parent
            if call is not None and call.type in self.call_types:
                callee = self.callee(call)
                first = parent.named_children[0] if parent.named_children else None
                if first is not None and first.type == "string":
                    return f"{callee}({_strip_quotes(node_text(first))})"
                return f"{callee}(callback)"
        return None

    def definition(self, node: Node) -> Definition | None:
        kind = node.type
        if kind in self._function_values:
            return self._bound_function(node)
        if kind == "variable_declarator":
            return None  # its function value is the definition (and the region findings lift to)
        name = node_text(node.child_by_field_name("name"))
        if kind in ("class_declaration", "abstract_class_declaration", "interface_declaration"):
            return Definition(name, "class")
        if kind == "method_definition":
            return Definition(name, "method")
        if kind in ("function_declaration", "generator_function_declaration"):
            return Definition(name, "function")
        return None

    @staticmethod
    def _bound_function(node: Node) -> Definition | None:
        """A function value named by the member or key it is bound to.

        ``User.prototype.verify = function () {}`` and ``{ hashPassword: async () => {} }`` are
        how much Node code defines methods (Mongoose schema methods, prototype methods, exported
        objects). ``const f = () => {}`` is named by its declarator; the function value, not the
        declarator, is the definition so that findings on it lift to the function's own region.
        Functions passed as arguments have no name of their own.
        """
        parent = node.parent
        if parent is None:
            return None
        if parent.type == "variable_declarator":
            value, name = parent.child_by_field_name("value"), parent.child_by_field_name("name")
            if value is None or value.id != node.id or name is None or name.type != "identifier":
                return None
            return Definition(node_text(name), "class" if node.type == "class" else "function")
        if node.type == "class":
            return None  # ``class`` expressions elsewhere carry their own name, if any
        if parent.type == "assignment_expression":
            right, left = parent.child_by_field_name("right"), parent.child_by_field_name("left")
            if right is None or right.id != node.id or left is None:
                return None
            if left.type == "identifier":
                return Definition(node_text(left), "function")
            prop = left.child_by_field_name("property") if left.type == "member_expression" else None
            return Definition(node_text(prop), "method") if prop is not None else None
        if parent.type == "pair":
            value, key = parent.child_by_field_name("value"), parent.child_by_field_name("key")
            if value is None or value.id != node.id or key is None:
                return None
            return Definition(_strip_quotes(node_text(key)), "method")
        return None

    def parameters(self, node: Node) -> list[Node]:
        out: list[Node] = []
        for param in node.named_children:
            target = param
            if param.type in ("required_parameter", "optional_parameter"):
                target = param.child_by_field_name("pattern") or param
            elif param.type == "assignment_pattern":
                target = param.child_by_field_name("left") or param
            elif param.type == "rest_pattern":
                target = param.named_children[0] if param.named_children else param
            if target.type == "identifier":
                out.append(target)
            elif target.type == "object_pattern":
                out.extend(
                    c for c in target.named_children if c.type == "shorthand_property_identifier_pattern"
                )
        return out

    def assigned_names(self, node: Node) -> list[Node]:
        if node.type == "variable_declarator":
            name = node.child_by_field_name("name")
            return [name] if name is not None and name.type == "identifier" else []
        if node.type == "assignment_expression":
            left = node.child_by_field_name("left")
            if left is None:
                return []
            if left.type == "identifier":
                return [left]
            if left.type == "member_expression":
                prop = left.child_by_field_name("property")
                return [prop] if prop is not None else []
        return []

    def field_names(self, node: Node) -> list[Node]:
        name = node.child_by_field_name("property") or node.child_by_field_name("name")
        return [name] if name is not None else []

    def string_value(self, node: Node) -> str | None:
        if node.type == "template_string" and any(
            c.type == "template_substitution" for c in node.named_children
        ):
            return None
        return "".join(
            node_text(c) for c in node.named_children if c.type in ("string_fragment", "escape_sequence")
        )

    def decorator_name(self, node: Node) -> str:
        expr = node.named_children[0] if node.named_children else None
        return self.dotted(expr)

    def argument(self, node: Node) -> tuple[str, Node] | None:
        if node.type == "jsx_attribute":
            parts = node.named_children
            if len(parts) != 2:
                return None
            return node_text(parts[0]), parts[1]
        if not _inside_call_arguments(node, "arguments", ("object", "pair")):
            return None
        if node.type == "shorthand_property_identifier":  # jwt({ secret }) passes secret: secret
            return node_text(node), node
        key, value = node.child_by_field_name("key"), node.child_by_field_name("value")
        if key is None or value is None:
            return None
        return _strip_quotes(node_text(key)), value

    def region(self, node: Node) -> Definition | None:
        kind = node.type
        if kind in self._function_values:
            name = self._name_of_function_value(node)
            if kind == "class" and node.child_by_field_name("name") is not None:
                name = node_text(node.child_by_field_name("name"))
            if name is None:
                return None  # an anonymous function passed along: its enclosing region reviews it
            return Definition(name, "class" if kind == "class" else "function")
        if kind == "method_definition" and node.parent is not None and node.parent.type == "object":
            # ``const pkce = { create() {} }``: name the method through what the object is bound
            # to (``pkce.create``), as ``{ create: function () {} }`` already is.
            definition = self.definition(node)
            holder = node.parent.parent
            if definition is not None and holder is not None and holder.type in self._object_holders:
                owner = holder.child_by_field_name("name") or holder.child_by_field_name("left")
                return Definition(f"{self.dotted(owner)}.{definition.name}", "method")
            return definition
        return self.definition(node)

    _object_holders = frozenset({"variable_declarator", "assignment_expression"})


def go_package_names(path: str) -> list[str]:
    """The name an unaliased Go import is used by: the last path element, then likely guesses.

    Go code refers to a package by the name in its ``package`` clause, which the import path
    does not always spell: ``github.com/dgrijalva/jwt-go`` is used as ``jwt``,
    ``github.com/coreos/go-oidc`` as ``oidc``, ``gopkg.in/square/go-jose.v2`` as ``jose``. Without
    reading the imported package, drop a ``go-`` prefix, a ``-go``/``.go`` suffix and a ``.vN``
    suffix, and for names that still contain hyphens also offer the last hyphenated word.
    """
    last = path.rsplit("/", 1)[-1]
    first = last.split(".")[0] if "." in last else last
    names = [first]
    base = re.sub(r"\.v\d+$", "", last)
    base = re.sub(r"^go-|[-.]go$", "", base)
    for candidate in (base, base.rsplit("-", 1)[-1]):
        if candidate.isidentifier() and candidate not in names:
            names.append(candidate)
    return names


class GoSyntax(Syntax):
    """Go (tree-sitter-go)."""

    call_types = frozenset({"call_expression"})
    member = ("selector_expression", "operand", "field")
    import_types = frozenset({"import_spec"})
    definition_types = frozenset({"function_declaration", "method_declaration", "type_spec"})
    parameter_types = frozenset({"parameter_list"})
    assignment_types = frozenset({"short_var_declaration", "assignment_statement", "var_spec", "const_spec"})
    field_types = frozenset({"field_declaration"})
    string_types = frozenset({"interpreted_string_literal", "raw_string_literal"})
    argument_types = frozenset({"keyed_element"})
    comparison_types = frozenset({"binary_expression"})
    region_types = frozenset({"function_declaration", "method_declaration", "type_spec", "func_literal"})

    def dotted(self, node: Node | None) -> str:
        if node is None:
            return "?"
        if node.type in ("identifier", "package_identifier", "field_identifier", "type_identifier"):
            return node_text(node)
        if node.type == "selector_expression":
            return f"{self.dotted(node.child_by_field_name('operand'))}.{node_text(node.child_by_field_name('field'))}"
        if node.type == "call_expression":
            return self.dotted(node.child_by_field_name("function"))
        if node.type in ("qualified_type",):
            return f"{node_text(node.child_by_field_name('package'))}.{node_text(node.child_by_field_name('name'))}"
        if node.type in ("parenthesized_expression", "unary_expression") and node.named_children:
            return self.dotted(node.named_children[-1])
        return "?"

    def callee(self, node: Node) -> str:
        return self.dotted(node.child_by_field_name("function"))

    @staticmethod
    def _path(spec: Node) -> str:
        return _GO_VERSION_SUFFIX.sub("", _strip_quotes(node_text(spec.child_by_field_name("path"))))

    def imports(self, root: Node) -> ImportTable:
        table = ImportTable()
        for decl in root.children:
            if decl.type != "import_declaration":
                continue
            specs = [c for c in decl.named_children if c.type == "import_spec"]
            for spec_list in (c for c in decl.named_children if c.type == "import_spec_list"):
                specs.extend(c for c in spec_list.named_children if c.type == "import_spec")
            guessed: dict[str, str] = {}
            for spec in specs:
                path = self._path(spec)
                alias = spec.child_by_field_name("name")
                if alias is not None:
                    local = node_text(alias)
                    if local not in ("_", "."):
                        table.bindings[local] = path
                    continue
                names = go_package_names(path)
                table.bindings[names[0]] = path
                for name in names[1:]:
                    guessed.setdefault(name, path)
            for name, path in guessed.items():  # a real last segment always wins over a guess
                table.bindings.setdefault(name, path)
        return table

    def imported_modules(self, node: Node) -> list[str]:
        return [self._path(node)]

    def definition(self, node: Node) -> Definition | None:
        name = node_text(node.child_by_field_name("name"))
        if node.type == "function_declaration":
            return Definition(name, "function")
        if node.type == "method_declaration":
            return Definition(name, "method")
        if node.type == "type_spec":
            return Definition(name, "class")
        return None

    def receiver_type(self, node: Node) -> str:
        """``func (s *Server) Login`` → ``Server``."""
        receiver = node.child_by_field_name("receiver")
        if receiver is None:
            return ""
        for param in receiver.named_children:
            kind = param.child_by_field_name("type")
            while kind is not None and kind.type in ("pointer_type", "generic_type"):
                kind = kind.named_children[0] if kind.named_children else None
            if kind is not None:
                return node_text(kind)
        return ""

    def parameters(self, node: Node) -> list[Node]:
        out: list[Node] = []
        for decl in node.named_children:
            if decl.type in ("parameter_declaration", "variadic_parameter_declaration"):
                out.extend(decl.children_by_field_name("name"))
        return out

    def assigned_names(self, node: Node) -> list[Node]:
        if node.type in ("var_spec", "const_spec"):
            return list(node.children_by_field_name("name"))
        left = node.child_by_field_name("left")
        if left is None:
            return []
        out: list[Node] = []
        for expr in left.named_children:
            if expr.type == "identifier":
                out.append(expr)
            elif expr.type == "selector_expression":
                field_node = expr.child_by_field_name("field")
                if field_node is not None:
                    out.append(field_node)
        return out

    def field_names(self, node: Node) -> list[Node]:
        return list(node.children_by_field_name("name"))

    def string_value(self, node: Node) -> str | None:
        if node.type == "raw_string_literal":
            return _strip_quotes(node_text(node))
        return "".join(node_text(c) for c in node.named_children)

    def decorator_name(self, node: Node) -> str:
        return "?"

    def argument(self, node: Node) -> tuple[str, Node] | None:
        key, value = node.child_by_field_name("key"), node.child_by_field_name("value")
        if key is None or value is None:
            parts = node.named_children
            if len(parts) != 2:
                return None
            key, value = parts
        inner = value.named_children[0] if value.type == "literal_element" and value.named_children else value
        return node_text(key), inner

    def region(self, node: Node) -> Definition | None:
        if node.type == "method_declaration":
            receiver = self.receiver_type(node)
            name = node_text(node.child_by_field_name("name"))
            return Definition(f"{receiver}.{name}" if receiver else name, "method")
        if node.type == "func_literal":
            parent = node.parent
            while parent is not None and parent.type in ("expression_list", "literal_element"):
                parent = parent.parent
            if parent is not None and parent.type in self.assignment_types:
                names = self.assigned_names(parent)
                if names:
                    return Definition(node_text(names[0]), "function")
            if parent is not None and parent.type == "keyed_element":
                arg = self.argument(parent)
                if arg:
                    return Definition(arg[0], "function")
            return None
        if node.type == "type_spec":
            kind = node.child_by_field_name("type")
            if kind is None or kind.type not in ("struct_type", "interface_type"):
                return None
        return self.definition(node)


class JavaSyntax(Syntax):
    """Java (tree-sitter-java)."""

    call_types = frozenset({"method_invocation", "object_creation_expression"})
    import_types = frozenset({"import_declaration"})
    definition_types = frozenset(
        {
            "class_declaration",
            "interface_declaration",
            "enum_declaration",
            "record_declaration",
            "method_declaration",
            "constructor_declaration",
        }
    )
    parameter_types = frozenset({"formal_parameters"})
    assignment_types = frozenset({"variable_declarator", "assignment_expression"})
    field_types = frozenset({"field_declaration"})
    string_types = frozenset({"string_literal"})
    decorator_types = frozenset({"marker_annotation", "annotation"})
    argument_types = frozenset({"element_value_pair"})
    comparison_types = frozenset({"binary_expression"})
    region_types = definition_types

    def dotted(self, node: Node | None) -> str:
        if node is None:
            return "?"
        kind = node.type
        if kind in ("identifier", "type_identifier", "this", "super"):
            return node_text(node)
        if kind == "scoped_identifier" or kind == "scoped_type_identifier":
            return node_text(node).replace(" ", "")
        if kind == "field_access":
            return f"{self.dotted(node.child_by_field_name('object'))}.{node_text(node.child_by_field_name('field'))}"
        if kind == "method_invocation":
            obj = node.child_by_field_name("object")
            name = node_text(node.child_by_field_name("name"))
            return f"{self.dotted(obj)}.{name}" if obj is not None else name
        if kind == "generic_type" and node.named_children:
            return self.dotted(node.named_children[0])
        if kind == "parenthesized_expression" and node.named_children:
            return self.dotted(node.named_children[0])
        return "?"

    def callee(self, node: Node) -> str:
        if node.type == "object_creation_expression":
            return self.dotted(node.child_by_field_name("type"))
        return self.dotted(node)

    def call_focus(self, node: Node) -> Node:
        obj = node.child_by_field_name("object") if node.type == "method_invocation" else None
        if obj is not None and obj.type in ("method_invocation", "object_creation_expression"):
            return node.child_by_field_name("name") or node
        return node

    def imports(self, root: Node) -> ImportTable:
        table = ImportTable()
        for decl in root.children:
            if decl.type != "import_declaration":
                continue
            names = [c for c in decl.named_children if c.type in ("scoped_identifier", "identifier")]
            if not names or any(c.type == "asterisk" for c in decl.named_children):
                continue
            full = node_text(names[0]).replace(" ", "")
            table.bindings[full.rsplit(".", 1)[-1]] = full
        return table

    def imported_modules(self, node: Node) -> list[str]:
        names = [c for c in node.named_children if c.type in ("scoped_identifier", "identifier")]
        if not names:
            return []
        full = node_text(names[0]).replace(" ", "")
        if any(c.type == "asterisk" for c in node.named_children):
            return [full, f"{full}.*"]
        return [full]

    def definition(self, node: Node) -> Definition | None:
        name = node_text(node.child_by_field_name("name"))
        if node.type in ("method_declaration", "constructor_declaration"):
            return Definition(name, "method")
        if node.type in self.definition_types:
            return Definition(name, "class")
        return None

    def parameters(self, node: Node) -> list[Node]:
        out: list[Node] = []
        for param in node.named_children:
            if param.type in ("formal_parameter", "spread_parameter"):
                name = param.child_by_field_name("name")
                if name is None:
                    declarator = next((c for c in param.named_children if c.type == "variable_declarator"), None)
                    name = declarator.child_by_field_name("name") if declarator else None
                if name is not None:
                    out.append(name)
        return out

    def assigned_names(self, node: Node) -> list[Node]:
        if node.type == "variable_declarator":
            name = node.child_by_field_name("name")
            return [name] if name is not None else []
        left = node.child_by_field_name("left")
        if left is None:
            return []
        if left.type == "identifier":
            return [left]
        if left.type == "field_access":
            field_node = left.child_by_field_name("field")
            return [field_node] if field_node is not None else []
        return []

    def field_names(self, node: Node) -> list[Node]:
        out: list[Node] = []
        for declarator in node.children_by_field_name("declarator"):
            name = declarator.child_by_field_name("name")
            if name is not None:
                out.append(name)
        return out

    def string_value(self, node: Node) -> str | None:
        return "".join(node_text(c) for c in node.named_children if c.type in ("string_fragment", "escape_sequence"))

    def decorator_name(self, node: Node) -> str:
        return self.dotted(node.child_by_field_name("name"))

    def argument(self, node: Node) -> tuple[str, Node] | None:
        key, value = node.child_by_field_name("key"), node.child_by_field_name("value")
        if key is None or value is None:
            return None
        return node_text(key), value

    def region(self, node: Node) -> Definition | None:
        return self.definition(node)


_SYNTAXES: dict[str, Syntax] = {
    "python": PythonSyntax(),
    "javascript": JavaScriptSyntax(),
    "go": GoSyntax(),
    "java": JavaSyntax(),
}


def syntax_for(family: str) -> Syntax:
    """The adapter for a syntax family (``typescript`` and ``tsx`` use ``javascript``)."""
    return _SYNTAXES[family]
