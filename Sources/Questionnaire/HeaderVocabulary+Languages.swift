extension HeaderVocabulary {
    /// The header words of questionnaires written in German, French, Spanish, Dutch, Italian,
    /// Portuguese and Arabic, per column role, lower-cased as ``HeaderVocabulary/normalise(_:)`` leaves
    /// them (accented letters as written, and without their accents where people type them so).
    ///
    /// Phrases are found anywhere in a header ("Antwort / Answer", "Réponse du fournisseur");
    /// ``sections`` and ``idWords`` only as whole words. Checked in the English lists' order, so a
    /// comment or owner word wins over an answer word it contains (`Verantwortlich` is the owner,
    /// though it holds "antwort").
    enum Languages {
        /// Whole headers that name the id column: `N°`, `Nº`, `Lfd. Nr.`.
        static let ids: Set<String> = [
            "n°", "nº", "n.º", "n.", "nr", "lfd. nr.", "lfd. nr", "lfd.nr.", "nummer", "numéro", "numero", "número",
            "núm.", "réf.", "réf", "kennung", "الرقم", "رقم", "م",
        ]
        /// Words that name the id column among at most four (`Nr. der Anforderung`, `N° de question`).
        static let idWords: Set<String> = [
            "n°", "nº", "n.º", "nummer", "numéro", "número", "núm.", "réf.", "réf", "référence", "referencia",
            "referência", "riferimento", "kennung", "lfd.",
        ]
        static let questions = [
            "frage", "pregunta", "vraag", "domanda", "pergunta", "questão", "questao", "cuestión", "cuestion",
            "السؤال", "سؤال", "الأسئلة",
        ]
        static let requirements = [
            "anforderung", "prüfpunkt", "prüfkriterium", "kontrollpunkt", "exigence", "critère", "requisito",
            "criterio", "vereiste", "requisiti", "controllo",
        ]
        static let answers = [
            "antwort", "rückmeldung", "rueckmeldung", "réponse", "reponse", "respuesta", "antwoord", "risposta",
            "resposta", "ja/nein", "oui/non", "sí/no", "si/no", "ja/nee", "sim/não", "sim/nao", "erfüllt", "umgesetzt",
            "conformité", "conforme", "cumple", "cumplimiento", "conformidade", "الإجابة", "الاجابة", "إجابة",
            "اجابة", "الرد",
        ]
        static let weakAnswers = ["auswahl", "statut", "estado", "sélection", "selección", "selectie", "selezione"]
        static let comments = [
            "bemerkung", "kommentar", "anmerkung", "erläuterung", "erlaeuterung", "begründung", "begruendung",
            "erklärung", "remarque", "observation", "précision", "explication", "comentario", "comentário",
            "observacion", "observación", "observaç", "aclaración", "justificación", "justificativa", "toelichting",
            "opmerking", "osservazion", "commento", "note", "ملاحظات", "ملاحظة", "تعليق", "التعليقات",
        ]
        static let evidence = [
            "nachweis", "beleg", "preuve", "justificatif", "pièce jointe", "piece jointe", "evidencia", "evidência",
            "evidenza", "bewijs", "onderbouwing", "anexo", "allegato", "الأدلة", "الادلة", "الدليل", "أدلة",
            "المرفقات", "الشواهد",
        ]
        static let guidance = [
            "hinweis", "ausfüllhilfe", "consigne", "aide au remplissage", "orientación", "guía", "ayuda", "guida",
            "orientaç", "إرشادات", "توجيهات",
        ]
        static let owners = [
            "verantwortlich", "verantwortung", "zuständig", "ansprechpartner", "responsable", "propriétaire",
            "eigenaar", "verantwoordelijk", "responsabile", "responsável",
        ]
        static let sections: Set<String> = [
            "bereich", "themenbereich", "kapitel", "kategorie", "thema", "domäne", "abschnitt", "domaine", "chapitre",
            "catégorie", "thème", "rubrique", "dominio", "sección", "categoría", "área", "capítulo", "ámbito", "domein",
            "hoofdstuk", "categorie", "onderwerp", "sezione", "ambito", "categoria", "domínio", "seção", "secção",
            "capitolo", "tema", "المجال", "القسم", "المحور",
        ]
    }
}
