/* Judging a drill answer on the device, for drills done offline: the same steps as
   webapp/drills/answers.py (and service.judge), reading the same rules — letters, limits,
   messages — from data/answer_rules.json, and the personnummer rule of nlp/personal.py, which
   the drill pack carries (drills/offline.device_rules). The browser tests run both on the same
   answers and expect the same verdicts. */
(function (root) {
  "use strict";

  function chars(set) { return set.replace(/[\]\\^-]/g, "\\$&"); }

  /* nlp/personal.py's find_personal_ids, from its patterns: the text read as the server reads
     it (invisible marks dropped, every script's digits as 0–9, every dash as "-", every space
     as " ", the rest NFKC), then each number of a known shape checked for a real date (day + 60:
     a samordningsnummer) and its Luhn digit. */
  function PersonalIds(rule) {
    var hidden = /[\p{Mn}\p{Me}\p{Cf}]/u, digit = /\p{Nd}/u, dash = /\p{Pd}/u, space = /\p{Zs}/u;
    var letter = /[\p{L}\p{Nl}\p{No}]/u;  // Python's [^\W\d_]; JavaScript's \W knows only ASCII
    var shape = new RegExp(rule.shape, "g"), prefixed = new RegExp(rule.prefixed, "gi");

    function digitValue(ch) {  // decimal digits come in runs 0–9 (a Unicode stability policy)
      var cp = ch.codePointAt(0), before = 0;
      while (digit.test(String.fromCodePoint(cp - before - 1))) { before += 1; }
      return before % 10;
    }
    function reading(ch) {
      if (hidden.test(ch)) { return ""; }
      if (digit.test(ch)) { return String(digitValue(ch)); }
      if (dash.test(ch) || rule.dashes.indexOf(ch) >= 0) { return "-"; }
      return space.test(ch) ? " " : null;
    }
    function plain(text) {
      return Array.from(text).map(function (ch) {
        if (ch < "\x80") { return ch; }
        var read = reading(ch);
        if (read !== null) { return read; }
        return Array.from(ch.normalize("NFKC")).map(function (c) {
          var r = c < "\x80" ? null : reading(c);
          return r === null ? c : r;
        }).join("");
      }).join("");
    }
    function luhn(digits) {
      var sum = 0;
      Array.from(digits).reverse().forEach(function (d, i) {
        var n = Number(d) * (i % 2 ? 2 : 1);
        sum += n > 9 ? n - 9 : n;
      });
      return sum % 10 === 0;
    }
    function valid(number) {
      var digits = number.replace(/\D/g, "");
      if (digits.length !== 10 && digits.length !== 12) { return false; }
      var year = digits.length === 12 ? Number(digits.slice(0, 4))
        : (Number(digits.slice(0, 2)) > 30 ? 1900 : 2000) + Number(digits.slice(0, 2));
      var month = Number(digits.slice(-8, -6)), day = Number(digits.slice(-6, -4));
      if (day > 60) { day -= 60; }
      var date = new Date(Date.UTC(2000, month - 1, day));
      date.setUTCFullYear(year);
      var real = year >= 1 && month >= 1 && day >= 1 && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
      return real && luhn(digits.slice(-10));
    }
    return function found(text) {
      var read = plain(text), match;
      shape.lastIndex = 0;
      while ((match = shape.exec(read))) { if (valid(match[1])) { return true; } }
      prefixed.lastIndex = 0;
      while ((match = prefixed.exec(read))) {
        var before = Array.from(read.slice(0, match.index)).pop() || "";
        if (!letter.test(before) && valid(match[1])) { return true; }
      }
      return false;
    };
  }

  function Judge(rules) {
    var M = rules.messages, R = rules.ratings;
    var personalId = rules.personal_id ? PersonalIds(rules.personal_id) : function () { return false; };
    var doubled = new RegExp("([" + rules.consonants + "])\\1", "g");
    var doubledRun = new RegExp("([" + rules.consonants + "])\\1+", "g");
    var quotes = new RegExp("^[" + chars(rules.quotes) + " ]+|[" + chars(rules.quotes) + " ]+$", "g");
    var trailing = new RegExp("[" + chars(rules.trailing) + " ]+$");

    function format(template, values) {
      return template.replace(/\{(\w+)\}/g, function (_, key) { return values[key]; });
    }
    function count(text, part) { return text.split(part).length - 1; }
    function normalise(text) {
      text = text.normalize("NFC").toLowerCase();
      text = text.split(/\s+/).filter(Boolean).join(" ");
      text = text.replace(quotes, "");
      return text.replace(trailing, "").replace(quotes, "");
    }
    function undotted(text) {
      return Array.from(text).map(function (ch) { return rules.dotted[ch] || ch; }).join("");
    }
    function singleConsonants(text) { return text.replace(doubledRun, "$1"); }

    function spellingHint(typed, expected) {
      if (typed !== expected && undotted(typed) === undotted(expected)) {
        var letters = Array.from(rules.dotted_letters);
        var missing = letters.filter(function (ch) { return expected.indexOf(ch) >= 0 && count(expected, ch) > count(typed, ch); });
        var extra = letters.filter(function (ch) { return typed.indexOf(ch) >= 0 && count(typed, ch) > count(expected, ch); });
        if (missing.length) { return format(M.with_letters, { letters: missing.join(M.letters_joiner) }); }
        if (extra.length) { return format(M.without_letters, { letters: extra.join(M.letters_joiner) }); }
      }
      if (typed !== expected && singleConsonants(typed) === singleConsonants(expected)) {
        var found, letter;
        doubled.lastIndex = 0;
        while ((found = doubled.exec(expected))) {
          letter = found[1];
          if (count(expected, letter + letter) > count(typed, letter + letter)) {
            return format(M.double, { letter: letter, double: letter + letter });
          }
        }
        doubled.lastIndex = 0;
        while ((found = doubled.exec(typed))) {
          letter = found[1];
          if (count(typed, letter + letter) > count(expected, letter + letter)) {
            return format(M.single, { letter: letter, double: letter + letter });
          }
        }
      }
      return null;
    }

    function osa(a, b) {  // optimal string alignment distance, as rapidfuzz's OSA
      a = Array.from(a); b = Array.from(b);
      var d = [], i, j;
      for (i = 0; i <= a.length; i++) { d.push([i]); }
      for (j = 1; j <= b.length; j++) { d[0][j] = j; }
      for (i = 1; i <= a.length; i++) {
        for (j = 1; j <= b.length; j++) {
          var cost = a[i - 1] === b[j - 1] ? 0 : 1;
          d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
          if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
            d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
          }
        }
      }
      return d[a.length][b.length];
    }
    function isSlip(typed, expected) {
      return Array.from(expected.replace(/ /g, "")).length >= rules.long_word && osa(typed, expected) === 1;
    }

    function verdict(outcome, rating, message, expected) {
      return { outcome: outcome, rating: rating, message: message, expected: expected };
    }
    function checkTyped(answer, expected, accepted, otherForms) {
      var typed = normalise(answer), wanted = normalise(expected);
      var right = [wanted].concat((accepted || []).map(normalise));
      if (right.indexOf(typed) >= 0) { return verdict("right", R.good, M.right, expected); }
      var forms = {};
      Object.keys(otherForms || {}).forEach(function (form) { forms[normalise(form)] = otherForms[form]; });
      if (Object.prototype.hasOwnProperty.call(forms, typed)) {
        return verdict("wrong_form", R.hard, format(M.wrong_form, { given: answer.trim(), label: forms[typed], expected: expected }), expected);
      }
      var hint = spellingHint(typed, wanted);
      if (hint !== null || isSlip(typed, wanted)) {
        return verdict("almost", R.hard, format(M.almost, { detail: hint || format(M.spelled, { expected: expected }) }), expected);
      }
      return verdict("wrong", R.again, format(M.wrong, { expected: expected }), expected);
    }
    function checkChoice(answer, expected) {
      if (normalise(answer) === normalise(expected)) { return verdict("right", R.good, M.right, expected); }
      return verdict("wrong", R.again, format(M.wrong, { expected: expected }), expected);
    }
    function orderedText(parts, order) {
      var words = order.filter(function (i) { return i !== null && i >= 0 && i < parts.length; })
        .map(function (i) { return parts[i]; }).join(" ");
      return words ? words.charAt(0).toUpperCase() + words.slice(1) + "." : "";
    }
    function orderProblem(parts, order) {
      if (order.length !== parts.length || order.some(function (i) { return i === null || i < 0 || i >= parts.length; })) {
        return M.no_order;
      }
      var twice = order.filter(function (i) { return order.indexOf(i) !== order.lastIndexOf(i); });
      return twice.length ? format(M.part_twice, { part: parts[twice[0]] }) : null;
    }
    function checkOrder(prompt, order) {
      var built = normalise(orderedText(prompt.parts, order)), expected = prompt.expected;
      if (prompt.accepted.map(normalise).indexOf(built) >= 0) {
        return verdict("right", R.good, built === normalise(expected) ? M.right : M.also_right, expected);
      }
      var verb = prompt.parts[prompt.verb], subject = prompt.parts[prompt.subject], hint;
      if (order.indexOf(prompt.verb) !== 1) {
        hint = format(M.verb_second, { verb: verb });
      } else if (order[0] !== prompt.subject && order.indexOf(prompt.subject) !== 2) {
        hint = format(M.subject_after_verb, { subject: subject });
      } else {
        hint = M.not_in_order;
      }
      return verdict("wrong", R.again, hint, expected);
    }

    /* service.judge: {verdict (null for a flashcard), rating, problem (a message: not an answer yet)}. */
    function judge(prompt, given) {
      var answer = given.answer || "", order = given.order || [];
      if (personalId(answer)) {  // refused whatever the kind, as on the server: never kept
        return { verdict: null, rating: null, problem: rules.personal_id.message };
      }
      if (prompt.kind === "word_order" && !given.give_up) {
        var problem = orderProblem(prompt.parts, order);
        if (problem) { return { verdict: null, rating: null, problem: problem }; }
        var v = checkOrder(prompt, order);
        return { verdict: v, rating: v.rating, problem: null };
      }
      if (prompt.kind === "flashcard") {
        if ([1, 2, 3, 4].indexOf(given.rating) < 0) { return { verdict: null, rating: null, problem: M.no_rating }; }
        return { verdict: null, rating: given.rating, problem: null };
      }
      var result;
      if (given.give_up) {
        result = verdict("wrong", R.again, format(M.gave_up, { expected: prompt.expected }), prompt.expected);
      } else if (!answer.trim()) {
        return { verdict: null, rating: null, problem: M.empty };
      } else if (Array.from(answer).length > rules.max_answer) {
        return { verdict: null, rating: null, problem: format(M.too_long, { max: rules.max_answer }) };
      } else if (prompt.kind === "choice" || prompt.kind === "gender") {
        result = checkChoice(answer, prompt.expected);
      } else {
        result = checkTyped(answer, prompt.expected, prompt.accepted || [], prompt.other_forms);
      }
      return { verdict: result, rating: result.rating, problem: null };
    }

    return { judge: judge, checkTyped: checkTyped, normalise: normalise, orderedText: orderedText };
  }

  root.OrdvardAnswers = { Judge: Judge };
})(self);
