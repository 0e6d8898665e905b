;;; emacs_eglot_test.el --- Batch test: pgpe-mode with Eglot and the real `pgpe lsp'  -*- lexical-binding: t; -*-
;; Opens the leaky policy file in a copy of the example workspace (outside version control),
;; starts Eglot, and checks that the project is the directory holding pgpe.yaml, the three
;; syntax errors, the tenant-isolation diagnostic, hover's effective predicate, that "Show
;; compiled SQL" (picked from the code actions) shows the server's SQL in a buffer, and that a
;; change to schema.sql on disk reaches the server (Eglot watches it).
;; Environment: PGPE_BIN, PGPE_EMACS_WORKSPACE.  Run with -L for editors/emacs and Debian's elpa dirs.
(require 'pgpe-mode)
(require 'eglot)
(require 'flymake)
(require 'cl-lib)

(defvar pgpe-test-failures 0)
(defun pgpe-test-fail (format-string &rest args)
  (setq pgpe-test-failures (1+ pgpe-test-failures))
  (message "FAIL: %s" (apply #'format format-string args)))

(setq pgpe-program (getenv "PGPE_BIN"))
(setq eglot-sync-connect t)
(setq eglot-autoreconnect nil)
(let* ((workspace (file-name-as-directory (getenv "PGPE_EMACS_WORKSPACE")))
       (file (expand-file-name "policies/leaky.policy" workspace)))
  (when (locate-dominating-file workspace ".git") (pgpe-test-fail "the workspace %s is inside git" workspace))
  (find-file file)
  (unless (eq major-mode 'pgpe-mode) (pgpe-test-fail "major mode is %S" major-mode))
  ;; No version control: the project is the directory holding pgpe.yaml all the same.
  (let ((project (project-current)))
    (unless (and project (equal (file-truename (project-root project)) (file-truename workspace)))
      (pgpe-test-fail "the project is %S, not %S" project workspace)))
  (eglot-ensure)
  ;; eglot-ensure starts the server after the command loop; start it directly in batch mode.
  (unless (eglot-current-server)
    (apply #'eglot (eglot--guess-contact)))
  (let ((server (eglot-current-server)))
    (unless server (pgpe-test-fail "eglot did not start pgpe lsp"))
    (when server
      ;; Wait for the syntax errors and the background proof's diagnostic.
      (let ((deadline (+ (float-time) 40)) syntax isolation)
        (while (and (< (float-time) deadline)
                    (progn
                      (accept-process-output nil 0.2)
                      (setq syntax nil isolation nil)
                      (dolist (diagnostic (flymake-diagnostics))
                        (let ((text (flymake-diagnostic-text diagnostic)))
                          (when (and (eq (flymake-diagnostic-type diagnostic) 'eglot-error) (string-match-p "expected" text))
                            (push (line-number-at-pos (flymake-diagnostic-beg diagnostic)) syntax))
                          (when (string-match-p "tenant-isolation" text) (setq isolation diagnostic))))
                      (not (and (= (length syntax) 3) isolation)))))
        (unless (equal (sort syntax #'<) '(8 10 12))
          (pgpe-test-fail "syntax errors at lines %S" syntax))
        (if (not isolation)
            (pgpe-test-fail "no tenant-isolation diagnostic; got %S" (mapcar #'flymake-diagnostic-text (flymake-diagnostics)))
          (unless (= (line-number-at-pos (flymake-diagnostic-beg isolation)) 6)
            (pgpe-test-fail "isolation diagnostic at line %d" (line-number-at-pos (flymake-diagnostic-beg isolation))))))
      ;; Hover on the leaking policy's name.
      (goto-char (point-min))
      (search-forward "POLICY demo_projects")
      (backward-char 3)
      (let* ((result (jsonrpc-request server :textDocument/hover (eglot--TextDocumentPositionParams)))
             (contents (plist-get result :contents))
             (text (if (stringp contents) contents (or (plist-get contents :value) (format "%S" contents)))))
        (unless (string-match-p (regexp-quote "col(name) = lit('demo')") text)
          (pgpe-test-fail "hover did not show the effective predicate: %s" text)))
      ;; "Show compiled SQL of policy demo_projects", picked from the code actions as a person would.
      (let ((offered nil)
            (last-nonmenu-event ?x))
        (cl-letf (((symbol-function 'completing-read)
                   (lambda (_prompt collection &rest _)
                     (setq offered (mapcar #'car collection))
                     "Show compiled SQL of policy demo_projects")))
          (eglot-code-actions (point) nil nil t))
        (let ((buffer (get-buffer "*pgpe compiled SQL: demo_projects*"))
              (expected (jsonrpc-request server :workspace/executeCommand
                                         `(:command "pgpe.showCompiledSql"
                                           :arguments [(:uri ,(eglot--path-to-uri file) :policy "demo_projects")]))))
          (if (not buffer)
              (pgpe-test-fail "no compiled SQL buffer; code actions offered: %S" offered)
            (let ((text (with-current-buffer buffer (buffer-string))))
              (unless (equal text expected)
                (pgpe-test-fail "the compiled SQL buffer holds %S; the server says %S" text expected))
              (unless (and (string-match-p "CREATE POLICY" text) (string-match-p "ON public\\.projects" text)
                           (string-match-p "'demo'" text))
                (pgpe-test-fail "the compiled SQL buffer lacks the policy on public.projects: %s" text))
              (unless (get-buffer-window buffer) (pgpe-test-fail "the compiled SQL buffer is not shown"))))))
      ;; schema.sql changes on disk (projects.name becomes title): the server hears of it
      ;; through Eglot's file watch and reports the unknown column on line 6.
      (let ((schema (expand-file-name "schema.sql" workspace)))
        (with-temp-buffer
          (insert-file-contents schema)
          (goto-char (point-min))
          (re-search-forward "CREATE TABLE public.projects")
          (re-search-forward "^    name       text")
          (replace-match "    title      text")
          (write-region nil nil schema nil 'silent)))
      (let ((deadline (+ (float-time) 30)) unknown)
        (while (and (not unknown) (< (float-time) deadline))
          ;; In batch mode file notifications arrive as input events: only reading one runs them.
          (read-event nil nil 0.1)
          (accept-process-output nil 0.1)
          (dolist (diagnostic (flymake-diagnostics))
            (when (string-match-p "unknown column 'name'" (flymake-diagnostic-text diagnostic))
              (setq unknown diagnostic))))
        (cond ((not unknown)
               (pgpe-test-fail "the schema change was not seen; diagnostics %S"
                               (mapcar #'flymake-diagnostic-text (flymake-diagnostics))))
              ((/= (line-number-at-pos (flymake-diagnostic-beg unknown)) 6)
               (pgpe-test-fail "unknown column at line %d" (line-number-at-pos (flymake-diagnostic-beg unknown))))))
      (ignore-errors (eglot-shutdown server)))))

(if (> pgpe-test-failures 0)
    (progn (message "%d failure(s)" pgpe-test-failures) (kill-emacs 1))
  (message "emacs eglot: ok")
  (kill-emacs 0))
