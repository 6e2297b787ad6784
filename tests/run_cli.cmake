# Runs one CLI command and checks its exit code and its output (stdout and
# stderr together): a crash after the expected text must fail the test, which
# PASS_REGULAR_EXPRESSION alone would let pass.
#   cmake -DCOMMAND="tta|arg|arg" -DEXIT=0 -DEXPECT=regex [-DFORBID=regex] [-DINPUT=file] -P run_cli.cmake
# COMMAND separates its arguments with '|' (an argument may hold ';' or a newline).
string(REPLACE "|" ";" command "${COMMAND}")
set(input_args)
if(DEFINED INPUT)
  set(input_args INPUT_FILE "${INPUT}")
endif()
execute_process(COMMAND ${command} ${input_args} RESULT_VARIABLE code OUTPUT_VARIABLE out ERROR_VARIABLE err)
set(all "${out}${err}")
if(NOT "${code}" STREQUAL "${EXIT}")
  message(FATAL_ERROR "exit code ${code}, expected ${EXIT}; output:\n${all}")
endif()
if(NOT all MATCHES "${EXPECT}")
  message(FATAL_ERROR "output does not match ${EXPECT}:\n${all}")
endif()
if(DEFINED FORBID AND all MATCHES "${FORBID}")
  message(FATAL_ERROR "output matches ${FORBID}, which it must not:\n${all}")
endif()
