"""dictionaries"""
