;;; emacs_mode_test.el --- Batch check of editors/emacs/pgpe-mode.el  -*- lexical-binding: t; -*-
;; Run: emacs --batch -Q -L editors/emacs -l tests-editors/emacs_mode_test.el
(require 'pgpe-mode)

(defvar pgpe-test-failures 0)

(defun pgpe-test-face-at (needle &optional occurrence)
  "The face at the start of the OCCURRENCE-th NEEDLE in the current buffer."
  (goto-char (point-min))
  (dotimes (_ (1+ (or occurrence 0)))
    (unless (search-forward needle nil t) (error "not found: %s" needle)))
  (let ((face (get-text-property (match-beginning 0) 'face)))
    (if (listp face) (car face) face)))

(defun pgpe-test-expect (needle face &optional occurrence)
  (let ((actual (pgpe-test-face-at needle occurrence)))
    (unless (eq actual face)
      (setq pgpe-test-failures (1+ pgpe-test-failures))
      (message "FAIL: %S has face %S, expected %S" needle actual face))))

(let ((root (expand-file-name default-directory)))
  (find-file (expand-file-name "examples/saas/policies/tenancy.policy" root))
  (unless (eq major-mode 'pgpe-mode)
    (setq pgpe-test-failures (1+ pgpe-test-failures))
    (message "FAIL: major mode is %S" major-mode))
  (font-lock-ensure)
  (pgpe-test-expect "Every table" 'font-lock-comment-face)
  (pgpe-test-expect "POLICY" 'font-lock-keyword-face)
  (pgpe-test-expect "tenant_isolation" 'font-lock-type-face)
  (pgpe-test-expect "PERMISSIVE" 'font-lock-keyword-face)
  (pgpe-test-expect "has_column" 'font-lock-function-name-face)
  (pgpe-test-expect "'tenant_id'" 'font-lock-variable-name-face)
  (pgpe-test-expect "'app.tenant_id'" 'font-lock-string-face)
  (pgpe-test-expect "= session" 'font-lock-builtin-face)
  (pgpe-test-expect "exists(" 'font-lock-function-name-face)
  (find-file (expand-file-name "examples/saas/policies/soft_delete.policy" root))
  (font-lock-ensure)
  (pgpe-test-expect "false" 'font-lock-constant-face)
  (pgpe-test-expect "RESTRICTIVE" 'font-lock-keyword-face)
  ;; SPEC 11.3: true/false atoms, now(), the TRUNCATE, REFERENCES and TRIGGER privileges.
  (with-temp-buffer
    (pgpe-mode)
    (insert "POLICY p PERMISSIVE FOR SELECT SELECTOR ALL\n  CLAUSE true OR CLAUSE col(expires_at) > now()\n"
            "GRANT TRUNCATE, REFERENCES, TRIGGER TO r SELECTOR ALL\n")
    (font-lock-ensure)
    (pgpe-test-expect "true" 'font-lock-constant-face)
    (pgpe-test-expect "now()" 'font-lock-function-name-face)
    (pgpe-test-expect "TRUNCATE" 'font-lock-keyword-face)
    (pgpe-test-expect "REFERENCES" 'font-lock-keyword-face)
    (pgpe-test-expect "TRIGGER" 'font-lock-keyword-face))
  (with-temp-buffer
    (pgpe-mode)
    (insert "POLICY p PERMISSIVE FOR SELECT SELECTOR ALL -- dash comment\n")
    (font-lock-ensure)
    (pgpe-test-expect "-- dash" 'font-lock-comment-face)
    (unless (equal comment-start "// ")
      (setq pgpe-test-failures (1+ pgpe-test-failures))
      (message "FAIL: comment-start is %S" comment-start))))

(if (> pgpe-test-failures 0)
    (progn (message "%d failure(s)" pgpe-test-failures) (kill-emacs 1))
  (message "emacs pgpe-mode: ok")
  (kill-emacs 0))
