;;; pgpe-mode.el --- Major mode for pgpe .policy files  -*- lexical-binding: t; -*-

;; A major mode for pgpe policy files (PostgreSQL row-level security): font-lock with the
;; language server's token classes, the three comment forms, and an Eglot registration that
;; starts `pgpe lsp` in the directory holding pgpe.yaml (the project root Eglot watches files
;; in, with or without version control) and shows "Show compiled SQL" in a buffer.
;;
;; Set up:
;;   (add-to-list 'load-path "/path/to/pgpe/editors/emacs")
;;   (require 'pgpe-mode)
;;   (add-hook 'pgpe-mode-hook #'eglot-ensure)   ; optional: start the server automatically

;;; Code:

(require 'cl-lib)
(require 'eieio)  ; `defclass' of the Eglot server class
(declare-function jsonrpc-request "jsonrpc")
(declare-function eglot-current-server "eglot")
(declare-function eglot--path-to-uri "eglot")
(defvar eglot-server-programs)

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
    (,(concat "\\_<\\(?:col\\|outer\\)\\s-*(\\s-*\\(" pgpe--name "\\)") 1 font-lock-variable-name-face t)
    (,(concat "\\_<has_column\\s-*(\\s-*\\(" pgpe--name "\\)\\(?:\\s-*,\\s-*\\([A-Za-z_][A-Za-z0-9_]*\\)\\)?")
     (1 font-lock-variable-name-face t) (2 font-lock-builtin-face t t))
    ("\\_<\\(?:col\\|session\\|lit\\|fn\\|now\\|outer\\|rel\\|exists\\|raw\\|has_column\\|in_schema\\|named\\|tagged\\)\\_>\\s-*(" . font-lock-function-name-face)
    ("\\_<IS\\s-+\\(?:NOT\\s-+\\)?NULL\\_>" . font-lock-keyword-face)
    ("\\_<\\(?:true\\|false\\|null\\)\\_>" . font-lock-constant-face)
    (,(concat "\\_<" (regexp-opt '("POLICY" "GRANT" "GOVERN" "PERMISSIVE" "RESTRICTIVE" "FOR" "TO" "SELECTOR" "CLAUSE"
                                    "WITH" "CHECK" "AND" "OR" "NOT" "ALL" "SELECT" "INSERT" "UPDATE" "DELETE"
                                    "TRUNCATE" "REFERENCES" "TRIGGER" "IS" "IN" "LIKE") t)
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
  (setq-local font-lock-defaults '(pgpe-font-lock-keywords nil t))
  (add-hook 'project-find-functions #'pgpe-project-find nil t))

(defun pgpe-project-root (directory)
  "The directory holding pgpe.yaml (or pgpe.yml) at or above DIRECTORY."
  (let ((found (or (locate-dominating-file directory "pgpe.yaml")
                   (locate-dominating-file directory "pgpe.yml"))))
    (and found (file-name-as-directory (expand-file-name found)))))

(defun pgpe-project-find (directory)
  "The pgpe project of DIRECTORY, for `project-find-functions'.
Buffer-local in `pgpe-mode'.  The project is the directory holding
pgpe.yaml, inside version control or not, so that Eglot starts the
server there and watches the files under it (schema.sql, pgpe.yaml)."
  (let ((root (pgpe-project-root directory)))
    (and root (cons 'transient root))))

(defun pgpe-show-sql (sql title)
  "Show SQL in the read-only buffer *pgpe compiled SQL: TITLE*; return it."
  (let ((buffer (get-buffer-create (format "*pgpe compiled SQL: %s*" title))))
    (with-current-buffer buffer
      (let ((inhibit-read-only t))
        (erase-buffer)
        (insert sql)
        (goto-char (point-min)))
      (when (fboundp 'sql-mode) (delay-mode-hooks (sql-mode)))
      (setq buffer-read-only t))
    (display-buffer buffer)
    buffer))

(defun pgpe--compiled-sql-command-p (command)
  "Whether COMMAND (a symbol or a string) is the server's \"Show compiled SQL\"."
  (equal (format "%s" command) "pgpe.showCompiledSql"))

(defun pgpe--show-compiled-sql (server arguments)
  "Ask SERVER for the compiled SQL with ARGUMENTS and show it.
ARGUMENTS is the command's vector of one object (:uri, :policy)."
  (let* ((argument (and (> (length arguments) 0) (aref arguments 0)))
         (title (or (plist-get argument :policy) "workspace"))
         (sql (jsonrpc-request server :workspace/executeCommand
                               `(:command "pgpe.showCompiledSql" :arguments ,arguments))))
    (when (stringp sql) (pgpe-show-sql sql title))))

(defun pgpe-show-compiled-sql (&optional policy)
  "Show the compiled SQL of POLICY (a name).
Without POLICY (nil or empty), the compiled SQL of the workspace."
  (interactive (list (read-string "Policy (empty for the workspace): ")))
  (let ((server (and (fboundp 'eglot-current-server) (eglot-current-server))))
    (unless server (user-error "No pgpe language server for this buffer"))
    (pgpe--show-compiled-sql
     server (vector (append (list :uri (eglot--path-to-uri (buffer-file-name)))
                            (and policy (not (equal policy "")) (list :policy policy)))))))

;;;###autoload
(add-to-list 'auto-mode-alist '("\\.policy\\'" . pgpe-mode))

(with-eval-after-load 'eglot
  (defclass pgpe-eglot-server (eglot-lsp-server) ()
    :documentation "The pgpe language server: shows the answer of \"Show compiled SQL\".")
  ;; Eglot sends a code action's command and drops its answer; this server's answer is the SQL.
  (cl-defmethod eglot-execute-command ((server pgpe-eglot-server) command arguments)
    (if (pgpe--compiled-sql-command-p command)
        (pgpe--show-compiled-sql server arguments)
      (cl-call-next-method)))
  ;; Newer Eglot (Emacs 30) executes code actions and commands through `eglot-execute'.
  (when (fboundp 'eglot-execute)
    (cl-defmethod eglot-execute ((server pgpe-eglot-server) action)
      (let ((command (or (and (stringp (plist-get action :command)) action)
                         (plist-get action :command))))
        (if (and command (not (plist-get action :edit))
                 (pgpe--compiled-sql-command-p (plist-get command :command)))
            (pgpe--show-compiled-sql server (plist-get command :arguments))
          (cl-call-next-method)))))
  (add-to-list 'eglot-server-programs
               `(pgpe-mode . ,(lambda (&optional _interactive)
                                (list 'pgpe-eglot-server pgpe-program "lsp")))))

(provide 'pgpe-mode)
;;; pgpe-mode.el ends here
