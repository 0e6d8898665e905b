;;; pgpe-mode.el --- Major mode for pgpe .policy files  -*- lexical-binding: t; -*-

;; A major mode for pgpe policy files (PostgreSQL row-level security): font-lock with the
;; language server's token classes, the three comment forms, and an Eglot registration that
;; starts `pgpe lsp`.
;;
;; Set up:
;;   (add-to-list 'load-path "/path/to/pgpe/editors/emacs")
;;   (require 'pgpe-mode)
;;   (add-hook 'pgpe-mode-hook #'eglot-ensure)   ; optional: start the server automatically

;;; Code:

(defgroup pgpe nil
  "Editing pgpe policy files."
  :group 'languages)

(defcustom pgpe-program "pgpe"
  "The pgpe executable."
  :type 'string
  :group 'pgpe)

(defconst pgpe--name "\\(?:[A-Za-z_][A-Za-z0-9_]*\\|\"\\(?:[^\"]\\|\"\"\\)*\"\\|'\\(?:[^']\\|''\\)*'\\)"
  "A name: bare, double-quoted or single-quoted.")

(defconst pgpe-font-lock-keywords
  `(("\\_<\\(?:POLICY\\)\\s-+\\([A-Za-z_][A-Za-z0-9_]*\\|\"\\(?:[^\"]\\|\"\"\\)*\"\\)" 1 font-lock-type-face)
    (,(concat "\\_<col\\s-*(\\s-*\\(" pgpe--name "\\)") 1 font-lock-variable-name-face t)
    (,(concat "\\_<has_column\\s-*(\\s-*\\(" pgpe--name "\\)\\(?:\\s-*,\\s-*\\([A-Za-z_][A-Za-z0-9_]*\\)\\)?")
     (1 font-lock-variable-name-face t) (2 font-lock-builtin-face t t))
    ("\\_<\\(?:col\\|session\\|lit\\|fn\\|rel\\|exists\\|raw\\|has_column\\|in_schema\\|named\\|tagged\\)\\_>\\s-*(" . font-lock-function-name-face)
    ("\\_<IS\\s-+\\(?:NOT\\s-+\\)?NULL\\_>" . font-lock-keyword-face)
    ("\\_<\\(?:true\\|false\\|null\\)\\_>" . font-lock-constant-face)
    (,(concat "\\_<" (regexp-opt '("POLICY" "GRANT" "PERMISSIVE" "RESTRICTIVE" "FOR" "TO" "SELECTOR" "CLAUSE"
                                    "WITH" "CHECK" "AND" "OR" "NOT" "ALL" "SELECT" "INSERT" "UPDATE" "DELETE"
                                    "IS" "IN" "LIKE") t)
              "\\_>")
     . font-lock-keyword-face)
    ("\\(?:\\_<\\|-\\)[0-9]+\\_>" . font-lock-constant-face)
    ("<=\\|>=\\|<>\\|!=\\|=\\|<\\|>" . font-lock-builtin-face)
    ("--.*$" 0 font-lock-comment-face t))
  "Font-lock rules: keyword, function, constant (true/false/null, numbers), type (policy
names), variable (column names), builtin (operators and type names).")

(defvar pgpe-mode-syntax-table
  (let ((table (make-syntax-table)))
    ;; // line comments and /* block */ comments; -- comments are highlighted by font-lock.
    (modify-syntax-entry ?/ ". 124" table)
    (modify-syntax-entry ?* ". 23b" table)
    (modify-syntax-entry ?\n ">" table)
    (modify-syntax-entry ?' "\"" table)
    (modify-syntax-entry ?\" "\"" table)
    (modify-syntax-entry ?_ "_" table)
    (modify-syntax-entry ?. "_" table)
    table)
  "Syntax table for `pgpe-mode'.")

;;;###autoload
(define-derived-mode pgpe-mode prog-mode "pgpe"
  "Major mode for pgpe policy files."
  :syntax-table pgpe-mode-syntax-table
  (setq-local comment-start "// ")
  (setq-local comment-end "")
  (setq-local comment-start-skip "\\(?://+\\|--+\\|/\\*+\\)\\s-*")
  (setq-local indent-tabs-mode nil)
  (setq-local tab-width 2)
  (setq-local font-lock-defaults '(pgpe-font-lock-keywords nil t)))

;;;###autoload
(add-to-list 'auto-mode-alist '("\\.policy\\'" . pgpe-mode))

(with-eval-after-load 'eglot
  (add-to-list 'eglot-server-programs
               `(pgpe-mode . ,(lambda (&optional _interactive) (list pgpe-program "lsp")))))

(provide 'pgpe-mode)
;;; pgpe-mode.el ends here
