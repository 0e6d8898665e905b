;;; emacs_eglot_test.el --- Batch test: pgpe-mode with Eglot and the real `pgpe lsp'  -*- lexical-binding: t; -*-
;; Opens the leaky policy file in a copy of the example workspace, starts Eglot, and checks the
;; three syntax errors, the tenant-isolation diagnostic and hover's effective predicate.
;; Environment: PGPE_BIN, PGPE_EMACS_WORKSPACE.  Run with -L for editors/emacs and Debian's elpa dirs.
(require 'pgpe-mode)
(require 'eglot)
(require 'flymake)

(defvar pgpe-test-failures 0)
(defun pgpe-test-fail (format-string &rest args)
  (setq pgpe-test-failures (1+ pgpe-test-failures))
  (message "FAIL: %s" (apply #'format format-string args)))

(setq pgpe-program (getenv "PGPE_BIN"))
(setq eglot-sync-connect t)
(setq eglot-autoreconnect nil)
(let* ((workspace (file-name-as-directory (getenv "PGPE_EMACS_WORKSPACE")))
       (file (expand-file-name "policies/leaky.policy" workspace))
       ;; The project is the workspace directory.
       (project-find-functions (list (lambda (_dir) (cons 'transient workspace)))))
  (find-file file)
  (unless (eq major-mode 'pgpe-mode) (pgpe-test-fail "major mode is %S" major-mode))
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
      (ignore-errors (eglot-shutdown server)))))

(if (> pgpe-test-failures 0)
    (progn (message "%d failure(s)" pgpe-test-failures) (kill-emacs 1))
  (message "emacs eglot: ok")
  (kill-emacs 0))
