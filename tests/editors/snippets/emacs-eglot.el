;;; Stakes with Eglot (Emacs 28 with the `eglot' package, built into Emacs 29+).
;; Eglot runs one server per buffer: this makes Stakes the server for these modes.
(require 'eglot)
(add-to-list 'eglot-server-programs
             '((python-mode js-mode typescript-mode go-mode java-mode yaml-mode)
               . ("stakes" "serve")))
(dolist (hook '(python-mode-hook js-mode-hook typescript-mode-hook
                go-mode-hook java-mode-hook yaml-mode-hook))
  (add-hook hook #'eglot-ensure))
