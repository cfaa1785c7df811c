;;; emacs-eglot.el --- drive Eglot through the editor-test plan  -*- lexical-binding: t -*-

;; Run as `emacs --batch -l SNIPPET -l THIS-FILE' after the user's snippet. In --batch, idle
;; timers never fire, so the driver does what they would do: it sends didChange itself
;; (`eglot--signal-textDocument/didChange') and restarts Flymake (`flymake-start'), and it
;; pumps the server's output with `accept-process-output'. Columns are Emacs character
;; columns: what the user sees after Eglot converted the server's UTF-16 positions.

(require 'cl-lib)
(require 'json)
(require 'eglot)
(require 'flymake)

(defvar stakes-test--received 0 "Diagnostics notifications seen so far.")
(defvar stakes-test--result nil "Alist written as JSON at the end.")
(defvar stakes-test--log nil "Timestamped progress lines, newest first.")
(defvar stakes-test--start (float-time))

(defun stakes-test--ms () (round (* 1000 (- (float-time) stakes-test--start))))

(defun stakes-test--log (fmt &rest args)
  (push (format "%6d ms %s" (stakes-test--ms) (apply #'format fmt args)) stakes-test--log))

(defun stakes-test--count (_server method &rest _)
  "Count publishDiagnostics notifications as they reach Eglot."
  (when (string-suffix-p "publishDiagnostics" (format "%s" method))
    (cl-incf stakes-test--received)))
(advice-add 'eglot-handle-notification :before #'stakes-test--count)

(defun stakes-test--pump (ms predicate)
  "Process server output for up to MS milliseconds, until PREDICATE is non-nil."
  (let ((deadline (+ (float-time) (/ ms 1000.0))) done)
    (while (and (not (setq done (funcall predicate))) (< (float-time) deadline))
      (accept-process-output nil 0.02))
    done))

(defun stakes-test--overlays ()
  "Flymake's diagnostic overlays: what the user sees, at their current positions."
  (sort (cl-remove-if-not (lambda (ov) (overlay-get ov 'flymake-diagnostic))
                          (overlays-in (point-min) (point-max)))
        (lambda (a b) (< (overlay-start a) (overlay-start b)))))

(defun stakes-test--shown ()
  (mapcar
   (lambda (ov)
     (let* ((diag (overlay-get ov 'flymake-diagnostic))
            (beg (overlay-start ov))
            (message (flymake-diagnostic-text diag)))
       (save-excursion
         (goto-char beg)
         `((line . ,(1- (line-number-at-pos beg)))
           (col . ,(- beg (line-beginning-position)))
           (text . ,(buffer-substring-no-properties beg (line-end-position)))
           (source . ,(and (string-match "\\`\\([^ :]+\\)" message) (match-string 1 message)))
           (code . ,(and (string-match "\\`[^ ]+ \\[\\([^]]+\\)\\]" message) (match-string 1 message)))
           (severity . ,(format "%s" (flymake-diagnostic-type diag)))
           (message . ,message)))))
   (stakes-test--overlays)))

(defun stakes-test--lines-match (want)
  (let ((seen (delete-dups (mapcar (lambda (ov) (1- (line-number-at-pos (overlay-start ov))))
                                   (stakes-test--overlays)))))
    (and (= (length seen) (length want))
         (cl-every (lambda (n) (memq n seen)) want))))

(defun stakes-test--goto (line)
  (goto-char (point-min))
  (forward-line line))

(defun stakes-test--apply (edit)
  (let ((kind (alist-get 'kind edit)) (line (alist-get 'line edit)) (text (alist-get 'text edit)))
    (cond
     ((equal kind "insert_line") (stakes-test--goto line) (insert text "\n"))
     ((equal kind "insert_text")
      (stakes-test--goto line)
      (search-forward (alist-get 'before edit) (line-end-position))
      (goto-char (match-beginning 0))
      (insert text))
     ((equal kind "replace_line")
      (stakes-test--goto line)
      (delete-region (point) (line-end-position))
      (insert text))
     (t (error "Unknown edit %s" kind)))
    ;; What Eglot's and Flymake's idle timers would do in an interactive session.
    (eglot--signal-textDocument/didChange)
    (flymake-start)))

(defun stakes-test--step (plan step)
  (let ((before stakes-test--received)
        (t0 (stakes-test--ms))
        (want (alist-get 'lines step))
        (edit (alist-get 'edit step))
        ok ms)
    (when edit (stakes-test--apply edit))
    (setq ok (stakes-test--pump (alist-get 'step_timeout_ms plan)
                                (lambda ()
                                  (and (> stakes-test--received before)
                                       (progn (flymake-start) t)
                                       (stakes-test--lines-match want)))))
    (setq ms (- (stakes-test--ms) t0))
    (stakes-test--pump (alist-get 'settle_ms plan) #'ignore)
    (flymake-start)
    (stakes-test--log "step %s ok=%s after %d ms" (alist-get 'name step) ok ms)
    `((name . ,(alist-get 'name step)) (ok . ,(if ok t :json-false)) (elapsed_ms . ,ms)
      (diagnostics . ,(vconcat (stakes-test--shown))))))

(defun stakes-test--hover-text (contents)
  (cond ((stringp contents) contents)
        ((and (listp contents) (plist-get contents :value)) (plist-get contents :value))
        ((vectorp contents) (mapconcat #'stakes-test--hover-text contents "\n"))
        (t (format "%S" contents))))

(defun stakes-test--hover (plan)
  (let* ((spec (alist-get 'hover plan)) (t0 (stakes-test--ms)) response)
    (stakes-test--goto (alist-get 'line spec))
    (search-forward (alist-get 'needle spec) (line-end-position))
    (goto-char (+ (match-beginning 0) (alist-get 'offset spec)))
    (setq response (jsonrpc-request (eglot--current-server-or-lose) :textDocument/hover
                                    (eglot--TextDocumentPositionParams)
                                    :timeout (/ (alist-get 'step_timeout_ms plan) 1000.0)))
    `((text . ,(if response (stakes-test--hover-text (plist-get response :contents)) ""))
      (elapsed_ms . ,(- (stakes-test--ms) t0)))))

(defun stakes-test--main ()
  (let* ((json-object-type 'alist) (json-array-type 'list) (json-key-type 'symbol)
         (plan (json-read-file (getenv "STAKES_EDITOR_TEST_PLAN")))
         steps)
    (setq default-directory (file-name-as-directory (alist-get 'root plan)))
    (find-file (alist-get 'file plan))
    ;; eglot-ensure (from the snippet's mode hook) connects from post-command-hook.
    (run-hooks 'post-command-hook)
    (unless (stakes-test--pump (alist-get 'step_timeout_ms plan) (lambda () (eglot-current-server)))
      (error "Eglot did not connect to stakes for %s" buffer-file-name))
    (stakes-test--pump 5000 (lambda () eglot--managed-mode))
    (flymake-start)
    (stakes-test--log "connected, managed=%s" eglot--managed-mode)
    (push `(encoding . ,(or (plist-get (eglot--capabilities (eglot-current-server)) :positionEncoding)
                            "utf-16"))
          stakes-test--result)
    (let ((all (alist-get 'steps plan)))
      (push (stakes-test--step plan (car all)) steps)
      (unless (or (eq (alist-get 'ok (car steps)) t) (stakes-test--overlays))
        (push `(steps . ,(vconcat steps)) stakes-test--result)
        (error "No diagnostics from stakes within %s ms; later steps skipped"
               (alist-get 'step_timeout_ms plan)))
      (push `(hover . ,(stakes-test--hover plan)) stakes-test--result)
      (dolist (step (cdr all)) (push (stakes-test--step plan step) steps)))
    (push `(steps . ,(vconcat (nreverse steps))) stakes-test--result)))

(defun stakes-test--events-tail ()
  "The end of Eglot's events buffer (the JSON-RPC traffic), to explain a failure."
  (let ((buffer (cl-find-if (lambda (b) (string-match-p "EGLOT.*events" (buffer-name b))) (buffer-list))))
    (if buffer
        (with-current-buffer buffer
          (buffer-substring-no-properties (max (point-min) (- (point-max) 4000)) (point-max)))
      "")))

(condition-case err
    (stakes-test--main)
  (error (push `(error . ,(concat (error-message-string err) "\nEglot events:\n"
                                  (stakes-test--events-tail)))
               stakes-test--result)))
(push `(log . ,(vconcat (reverse stakes-test--log))) stakes-test--result)
(push `(version . ,emacs-version) stakes-test--result)
(let ((coding-system-for-write 'utf-8))
  (write-region (json-encode stakes-test--result) nil (getenv "STAKES_EDITOR_TEST_OUT")))
(kill-emacs 0)
